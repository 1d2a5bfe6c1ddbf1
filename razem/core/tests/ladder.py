from razem.core.testing.ladder import UrlCase

CASES = [
    # The OpenAPI schema and its documentation: any signed-in user (no personal data in them).
    UrlCase("api-schema", any_role=True, api=True),
    UrlCase("api-docs", any_role=True, api=True),
]
