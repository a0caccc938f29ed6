"""Templates for the many generated articles that `seed_demo --articles N` adds to fill the archive."""

import random
from dataclasses import dataclass
from functools import cache

from django.utils.html import escape

from ..sanitize import sanitize_html

# Generated stories carry the bylines of the staff, never a guest's.
BYLINES = [
    "claire-vandenberghe",
    "julien-marchetti",
    "katrin-albers",
    "marta-kowalczyk",
    "elena-costa",
    "ana-ferreira",
    "tom-hughes",
]

# (English phrase, French phrase, tag, section slug)
TOPICS = [
    ("energy prices", "les prix de l'énergie", "Energy", "economy"),
    ("the migration pact", "le pacte sur la migration", "Migration", "eu-affairs"),
    ("the long-term budget", "le budget pluriannuel", "Budget", "eu-affairs"),
    ("aid to Ukraine", "l'aide à l'Ukraine", "Ukraine", "world"),
    ("farm subsidies", "les aides agricoles", "Agriculture", "eu-affairs"),
    ("cross-border rail", "le rail transfrontalier", "Transport", "economy"),
    ("housing costs", "le coût du logement", "Housing", "economy"),
    ("emissions trading", "le marché du carbone", "Climate", "climate"),
    ("defence spending", "les dépenses de défense", "Defence", "eu-affairs"),
    ("rules for online platforms", "les règles des plateformes en ligne", "Digital", "eu-affairs"),
    ("trade with China", "le commerce avec la Chine", "Trade", "world"),
    ("water shortages", "les pénuries d'eau", "Water", "climate"),
    ("funding for the arts", "le financement de la culture", "Culture", "culture"),
    ("judicial independence", "l'indépendance de la justice", "Rule of law", "eu-affairs"),
    ("the enlargement talks", "les négociations d'adhésion", "Enlargement", "world"),
    ("the Parliament's powers", "les pouvoirs du Parlement", "Parliament", "eu-affairs"),
]

COUNTRIES = [
    ("France", "la France"),
    ("Germany", "l'Allemagne"),
    ("Poland", "la Pologne"),
    ("Italy", "l'Italie"),
    ("Spain", "l'Espagne"),
    ("Croatia", "la Croatie"),
    ("Sweden", "la Suède"),
    ("Austria", "l'Autriche"),
    ("Greece", "la Grèce"),
    ("Portugal", "le Portugal"),
    ("Ireland", "l'Irlande"),
    ("Czechia", "la Tchéquie"),
    ("Romania", "la Roumanie"),
    ("Denmark", "le Danemark"),
    ("Finland", "la Finlande"),
    ("Belgium", "la Belgique"),
]

# Which demo pictures suit which section.
SECTION_PICTURES = {
    "eu-affairs": ["flags", "hemicycle", "skyline"],
    "world": ["rails", "sea", "fields", "flags"],
    "economy": ["chart", "skyline", "pylons"],
    "climate": ["wind", "heat", "pylons", "fields"],
    "culture": ["columns", "skyline"],
    "opinion": ["speech"],
}

TAG_NAMES = sorted({topic[2] for topic in TOPICS} | {country[0] for country in COUNTRIES})

CITIES = ["Brussels", "Strasbourg", "Luxembourg", "Paris", "Berlin", "Warsaw", "Rome", "Madrid", "Vienna", "Lisbon"]
VILLES = ["Bruxelles", "Strasbourg", "Luxembourg", "Paris", "Lyon", "Marseille", "Lille", "Genève"]
NAMES = ["Anna Keller", "Luca Romano", "Eva Lindqvist", "Piotr Zieliński", "Maria Oliveira", "Jan de Vries"]

HEADLINES_EN = [
    "Ministers clash over {topic} in {city}",
    "{Country} and {country2} strike compromise on {topic}",
    "Commission unveils plan on {topic}",
    "MEPs demand a greater say on {topic}",
    "What the new rules on {topic} mean for {country}",
    "{Country} pushes for delay on {topic}",
    "Talks on {topic} stall as {country} holds out",
    "Voters in {country} worried about {topic}, survey finds",
    "Five things to know about {topic}",
    "Regions ask Brussels for help with {topic}",
    "Analysis: why {topic} divides {country} and {country2}",
    "{Topic}: a deal within reach, diplomats say",
]
HEADLINES_FR = [
    "{Topic} : les ministres s'opposent à {city}",
    "{Country} réclame un report sur {topic}",
    "Ce que changent les nouvelles règles sur {topic}",
    "{Topic} : un compromis se dessine entre {country} et {country2}",
    "La Commission présente son plan sur {topic}",
]

STANDFIRSTS_EN = [
    "Governments remain split, and the Parliament wants changes before it signs off.",
    "The proposal would take effect within two years if member states agree.",
    "Officials say a deal is possible before the summer, but the details are still open.",
    "The debate reveals an old divide between north and south, and a newer one between east and west.",
]
STANDFIRSTS_FR = [
    "Les États membres restent divisés, et le Parlement réclame des changements avant de se prononcer.",
    "Un accord est possible avant l'été, mais de nombreux détails restent à régler.",
]

PARAGRAPHS_EN = [
    "<p>Ministers meeting in {city} failed to agree on {topic}, with {country} leading a group of countries that "
    "want more time and more money before they commit.</p>",
    "<p>“We are not against the goal. We are against the timetable,” said {name}, an official from {country} "
    "involved in the talks, who asked that the details of the negotiation remain confidential.</p>",
    "<p>Supporters of the plan, led by {country2}, argue that further delay would cost more in the long run and "
    "leave the Union exposed to the next crisis.</p>",
    "<h2>What happens next</h2><p>Diplomats will continue to work on a compromise text. The Commission has said it "
    "is ready to adjust its proposal but not to abandon it.</p>",
    "<p>The Parliament adopted its own position last month and has signalled that it will resist any attempt to "
    "water down the rules on {topic}.</p>",
    "<blockquote><p>Every country agrees there is a problem. Few agree on who should pay to fix it.</p></blockquote>",
    "<ul><li>The proposal covers all 27 member states;</li><li>It would be reviewed after five years;</li>"
    "<li>Smaller countries could ask for a longer transition.</li></ul>",
    "<p>Business groups in {country} welcomed the direction but asked for clearer guidance, while unions warned "
    "that workers should not bear the cost of the changes.</p>",
]
PARAGRAPHS_FR = [
    "<p>Réunis à {city}, les ministres ne sont pas parvenus à s'entendre sur {topic}. {Country} réclame davantage "
    "de temps et de moyens avant de s'engager.</p>",
    "<p>« Nous ne contestons pas l'objectif, mais le calendrier », explique {name}, un responsable associé aux "
    "discussions.</p>",
    "<p>Les partisans du texte, emmenés par {country2}, estiment qu'un nouveau report coûterait plus cher à terme.</p>",
    "<h2>La suite</h2><p>Les diplomates poursuivront leurs travaux sur un texte de compromis. La Commission se dit "
    "prête à amender sa proposition, pas à y renoncer.</p>",
    "<p>Le Parlement européen a adopté sa position le mois dernier et entend résister à toute tentative "
    "d'affaiblir les règles sur {topic}.</p>",
]


@dataclass(frozen=True)
class Text:
    headline: str
    standfirst: str
    body: str
    dateline: str
    language: str
    section: str
    tags: tuple[str, ...]


@cache
def _safe_paragraphs(language):
    """Each body template sanitised once; the words filled in later are escaped."""
    return [sanitize_html(p) for p in (PARAGRAPHS_FR if language == "fr" else PARAGRAPHS_EN)]


def _fill(template, words):
    capitalised = {key.capitalize(): value[:1].upper() + value[1:] for key, value in words.items()}
    return template.format(**words, **capitalised)


def compose(rng: random.Random) -> Text:
    """A plausible wire-style story: one topic, two countries, a city, a few paragraphs."""
    language = "fr" if rng.random() < 0.15 else "en"
    column = 1 if language == "fr" else 0
    topic = rng.choice(TOPICS)
    pair = rng.sample(COUNTRIES, 2)
    country, country2 = pair[0][column], pair[1][column]
    city = rng.choice(VILLES if language == "fr" else CITIES)
    words = {"topic": topic[column], "country": country, "country2": country2, "city": city, "name": rng.choice(NAMES)}
    paragraphs = _safe_paragraphs(language)
    chosen = sorted(rng.sample(range(len(paragraphs)), rng.randint(3, len(paragraphs))))
    escaped = {key: escape(value) for key, value in words.items()}
    country_tag = (pair[0][0],) if rng.random() < 0.5 else ()
    return Text(
        headline=_fill(rng.choice(HEADLINES_FR if language == "fr" else HEADLINES_EN), words),
        standfirst=rng.choice(STANDFIRSTS_FR if language == "fr" else STANDFIRSTS_EN),
        body="\n".join(_fill(paragraphs[i], escaped) for i in chosen),
        dateline=city,
        language=language,
        section=topic[3],
        tags=(topic[2], *country_tag),
    )
