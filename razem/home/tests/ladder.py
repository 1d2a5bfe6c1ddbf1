from razem.core.testing.ladder import UrlCase

CASES = [
    UrlCase("home:dashboard", any_role=True),
    UrlCase(
        "home:set_language",
        method="post",
        data={"language": "en", "next": "/"},
        public=True,
        expected_status=302,
    ),
]
