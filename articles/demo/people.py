"""The demo newsroom's sections, staff and logins. Every person here is invented."""

DEMO_PASSWORD = "newsroom-demo"  # noqa: S105 - printed on screen; demo users exist only in development

# (slug, name, description), in navigation order.
SECTIONS = [
    ("eu-affairs", "EU affairs", "The Commission, the Council and the Parliament: how the Union decides."),
    ("world", "World", "Europe's neighbours and partners, and the crises that reach the Union."),
    ("economy", "Economy", "Rates, budgets, trade and work across the single market."),
    ("climate", "Climate", "Energy, heat, water and the politics of getting to net zero."),
    ("culture", "Culture", "Books, stages, museums and the cities that host them."),
    ("opinion", "Opinion", "Editorials and signed columns. The views are the writers' own."),
]

# (slug, name, role, bio)
AUTHORS = [
    (
        "claire-vandenberghe",
        "Claire Vandenberghe",
        "Brussels correspondent",
        "Claire has covered the Commission and the Council since 2014, first for a Flemish daily and now for "
        "the Desk. She reads summit conclusions so that you don't have to.",
    ),
    (
        "julien-marchetti",
        "Julien Marchetti",
        "Paris correspondent",
        "Julien follows French politics, the budget and the Élysée's European ambitions. Before joining the "
        "Desk he spent six years at a regional paper in Lyon.",
    ),
    (
        "katrin-albers",
        "Katrin Albers",
        "Berlin correspondent",
        "Katrin writes about the German coalition, industry and energy. She trained as an engineer and still "
        "asks to see the numbers.",
    ),
    (
        "marta-kowalczyk",
        "Marta Kowalczyk",
        "Central and Eastern Europe correspondent",
        "Based in Warsaw, Marta has reported from Kyiv, Chișinău and the Baltic states. She speaks Polish, "
        "Ukrainian and Russian.",
    ),
    (
        "elena-costa",
        "Elena Costa",
        "Economics editor",
        "Elena covers the European Central Bank, public finances and the single market from Frankfurt. She "
        "previously worked as an economist at a Milan bank.",
    ),
    (
        "ana-ferreira",
        "Ana Ferreira",
        "Climate and energy reporter",
        "Ana reports on heat, water and the energy transition from Lisbon and Madrid, and on the diplomacy of "
        "the UN climate talks.",
    ),
    (
        "sophie-laurent",
        "Sophie Laurent",
        "Managing editor",
        "Sophie runs the Desk's daily news meeting and writes its editorials. She was Brussels bureau chief "
        "for a French weekly for a decade.",
    ),
    (
        "tom-hughes",
        "Tom Hughes",
        "Parliament reporter",
        "Tom covers the European Parliament in Brussels and Strasbourg: votes, committees and the deals made in "
        "corridors.",
    ),
    (
        "henrik-lund",
        "Henrik Lund",
        "Guest contributor",
        "Henrik Lund is an energy economist at a Copenhagen research institute. He writes for the Desk in a "
        "personal capacity.",
    ),
]

# (username, group or None for the superuser, first name, last name, author slug of their byline)
USERS = [
    ("admin", None, "Alex", "Martin", None),
    ("editor", "Editor", "Sophie", "Laurent", "sophie-laurent"),
    ("reporter", "Reporter", "Tom", "Hughes", "tom-hughes"),
    ("moderator", "Moderator", "Nadia", "Benali", None),
]
