"""The demo's municipalities and their institutions, modelled on the seed documents.

Institution names follow the real public bodies of these towns; phone numbers and e-mail
addresses are made up (the 000 exchange), so nobody is ever called by mistake.
"""

from razem.territory.models import InstitutionKind as K

GLIWICE = "2466011"
JASTRZEBIE = "2467011"
SIEMIANOWICE = "2474011"
JASLO = "1805011"

# teryt -> (postal prefix, locative used in names, persons to create)
MUNICIPALITIES = {
    GLIWICE: ("44", "Gliwicach", 240),
    JASTRZEBIE: ("44", "Jastrzębiu-Zdroju", 80),
    SIEMIANOWICE: ("41", "Siemianowicach Śląskich", 60),
    JASLO: ("38", "Jaśle", 60),
}

INSTITUTIONS = {
    GLIWICE: [
        (
            "Miejski Ośrodek Pomocy Społecznej w Gliwicach",
            "MOPS Gliwice",
            K.SOCIAL_ASSISTANCE,
            "ul. Górnych Wałów 9",
        ),
        (
            "Komenda Miejska Policji w Gliwicach",
            "KMP Gliwice",
            K.POLICE,
            "ul. Powstańców Warszawy 12",
        ),
        (
            "Ośrodek Interwencji Kryzysowej w Gliwicach",
            "OIK Gliwice",
            K.CRISIS_INTERVENTION,
            "ul. Derkacza 10",
        ),
        ("Szkoła Podstawowa nr 1 w Gliwicach", "SP 1 Gliwice", K.SCHOOL, "ul. Szkolna 1"),
        (
            "Miejskie Przedszkole nr 5 w Gliwicach",
            "MP 5 Gliwice",
            K.KINDERGARTEN,
            "ul. Kozielska 5",
        ),
        (
            "Przychodnia Rejonowa w Gliwicach",
            "Przychodnia Gliwice",
            K.HEALTH_CARE,
            "ul. Zygmunta Starego 20",
        ),
        (
            "Gminna Komisja Rozwiązywania Problemów Alkoholowych w Gliwicach",
            "GKRPA Gliwice",
            K.GKRPA,
            "ul. Zwycięstwa 21",
        ),
        ("Urząd Miejski w Gliwicach", "UM Gliwice", K.MUNICIPAL_OFFICE, "ul. Zwycięstwa 21"),
        ("Stowarzyszenie Razem dla Rodziny", "Razem dla Rodziny", K.NGO, "ul. Dolnych Wałów 3"),
        (
            "Zespół Kuratorskiej Służby Sądowej w Gliwicach",
            "Kuratorzy Gliwice",
            K.PROBATION,
            "ul. Powstańców Warszawy 23",
        ),
    ],
    JASTRZEBIE: [
        (
            "Miejski Ośrodek Pomocy Społecznej w Jastrzębiu-Zdroju",
            "MOPS Jastrzębie-Zdrój",
            K.SOCIAL_ASSISTANCE,
            "ul. Opolska 9",
        ),
        (
            "Punkt Interwencji Kryzysowej w Jastrzębiu-Zdroju",
            "PIK Jastrzębie-Zdrój",
            K.CRISIS_INTERVENTION,
            "ul. Opolska 9",
        ),
        (
            "Komenda Miejska Policji w Jastrzębiu-Zdroju",
            "KMP Jastrzębie-Zdrój",
            K.POLICE,
            "ul. Armii Krajowej 2",
        ),
        (
            "Urząd Miasta Jastrzębie-Zdrój",
            "UM Jastrzębie-Zdrój",
            K.MUNICIPAL_OFFICE,
            "al. Józefa Piłsudskiego 60",
        ),
        (
            "Szkoła Podstawowa nr 2 w Jastrzębiu-Zdroju",
            "SP 2 Jastrzębie-Zdrój",
            K.SCHOOL,
            "ul. Szkolna 2",
        ),
    ],
    SIEMIANOWICE: [
        (
            "Miejski Ośrodek Pomocy Społecznej w Siemianowicach Śląskich",
            "MOPS Siemianowice Śląskie",
            K.SOCIAL_ASSISTANCE,
            "ul. Szkolna 1",
        ),
        (
            "Centrum Rodziny w Siemianowicach Śląskich",
            "Centrum Rodziny",
            K.OTHER,
            "ul. Jana Pawła II 10",
        ),
        (
            "Komisariat Policji w Siemianowicach Śląskich",
            "KP Siemianowice Śląskie",
            K.POLICE,
            "ul. Jana Pawła II 12",
        ),
        (
            "Urząd Miasta Siemianowice Śląskie",
            "UM Siemianowice Śląskie",
            K.MUNICIPAL_OFFICE,
            "ul. Jana Pawła II 10",
        ),
    ],
    JASLO: [
        (
            "Miejski Ośrodek Pomocy Społecznej w Jaśle",
            "MOPS Jasło",
            K.SOCIAL_ASSISTANCE,
            "ul. Słowackiego 4",
        ),
        ("Komenda Powiatowa Policji w Jaśle", "KPP Jasło", K.POLICE, "ul. Armii Krajowej 5"),
        ("Urząd Miasta Jasła", "UM Jasło", K.MUNICIPAL_OFFICE, "ul. Rynek 12"),
        ("Szkoła Podstawowa nr 3 w Jaśle", "SP 3 Jasło", K.SCHOOL, "ul. Szkolna 3"),
    ],
}

# Voivode's offices: teryt of the seat -> (name, short name, street)
VOIVODE_OFFICES = {
    "2469011": ("Śląski Urząd Wojewódzki w Katowicach", "ŚUW Katowice", "ul. Jagiellońska 25"),
    "1863011": ("Podkarpacki Urząd Wojewódzki w Rzeszowie", "PUW Rzeszów", "ul. Grunwaldzka 15"),
    "2862011": (
        "Warmińsko-Mazurski Urząd Wojewódzki w Olsztynie",
        "WMUW Olsztyn",
        "al. Marszałka Józefa Piłsudskiego 7/9",
    ),
}
