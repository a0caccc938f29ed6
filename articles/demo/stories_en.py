"""The demo newsroom's English stories: fiction written for the demo, with invented people."""

from .story import Story

LEAD = Story(
    slug="eu-leaders-agree-ukraine-reconstruction-fund",
    section="eu-affairs",
    headline="EU leaders agree €60bn Ukraine reconstruction fund after all-night summit",
    standfirst=(
        "After fourteen hours of talks, the 27 settled on a four-year package of grants and loans tied to reforms "
        "and paid in tranches. The money still needs the European Parliament's approval."
    ),
    dateline="Brussels",
    authors=("claire-vandenberghe", "marta-kowalczyk"),
    tags=("Ukraine", "Budget", "European Council"),
    image="flags",
    hours_ago=3,
    featured=True,
    body="""
<p>European Union leaders agreed early this morning to set up a €60 billion fund for Ukraine's reconstruction over
the next four years, ending a standoff that had threatened to overshadow the summit and kept diplomats drafting
compromise texts until dawn.</p>
<p>The package combines €22 billion in grants with €38 billion in low-interest loans, to be paid in quarterly
tranches as Kyiv meets conditions on public procurement, the appointment of judges and the independence of its
anti-corruption agencies. It will be financed through a revision of the EU's long-term budget rather than new joint
borrowing, a concession to a group of fiscally cautious northern countries.</p>
<p>“We said we would stand by Ukraine for as long as it takes. Tonight we put a number and a timetable on that
promise,” said Lotte Brandt, a spokesperson for the summit's chair, as leaders left the building shortly after
5am.</p>
<h2>How the deal was done</h2>
<p>The breakthrough came after midnight, when the last holdout government accepted a review clause allowing any
member state to ask leaders to discuss the fund once a year. The clause gives no veto over payments, which will be
approved by finance ministers by qualified majority on a proposal from the Commission.</p>
<p>Diplomats described a tense evening in which the talks were suspended twice. “There were moments when it looked
as if we would go home with nothing but a statement of good intentions,” one senior diplomat said. “In the end
nobody wanted to be the one who blocked it.”</p>
<blockquote><p>Predictability is worth as much as the money itself. Contractors, investors and Ukrainian towns need to
know what is coming next year, not next week.</p></blockquote>
<p>That was the message Ukrainian officials carried from delegation to delegation during the day, according to an
adviser to Kyiv's negotiating team, who asked not to be named because the talks were confidential.</p>
<h2>What the money pays for</h2>
<ul>
<li>Repairs to the power grid and district heating before next winter, the priority for the first tranche;</li>
<li>Roads, bridges and rail links to the EU border, including wider crossings into Poland and Romania;</li>
<li>Credit for small businesses and grants to local authorities in regions near the front line;</li>
<li>Budget support to keep schools, hospitals and pensions paid while tax revenue remains depressed.</li>
</ul>
<p>The Commission estimates that about a fifth of the money could be paid out before the end of the year if the
Parliament approves the budget revision swiftly. MEPs have broadly supported aid to Ukraine but complain of being
asked to rubber-stamp deals struck by governments behind closed doors.</p>
<p>“We will read the conditions carefully,” said Femke de Wit, a Dutch Green MEP who sits on the budgets committee.
“Reforms in Ukraine are essential, but so is scrutiny here. Parliament is not a notary.”</p>
<h2>The next fight: who pays</h2>
<p>The agreement leaves open the harder question of how the EU budget will absorb the new commitment without cuts
to farm subsidies and regional funds, which together account for roughly two-thirds of spending. Several capitals
have signalled that they expect the next long-term budget, to be negotiated from next year, to be larger.</p>
<p>Net contributors are resisting. “You cannot add a new priority every year and pretend the ceiling does not
exist,” said a diplomat from one northern member state. Officials expect the argument to return at the June summit,
when leaders are due to discuss defence spending.</p>
<p>In Kyiv, the government welcomed the decision as “a signal that Europe's patience is longer than the war”.
Ukrainian officials hope the first payment will arrive before the heating season begins in October.</p>
""",
)

STORIES = [
    LEAD,
    Story(
        slug="parliament-rejects-emergency-migration-rules",
        section="eu-affairs",
        headline="Parliament rejects emergency migration rules in surprise vote",
        standfirst="Dozens of centre-right and liberal MEPs broke ranks to sink a compromise struck with governments.",
        dateline="Strasbourg",
        authors=("tom-hughes",),
        tags=("Migration", "Parliament"),
        image="hemicycle",
        hours_ago=0.4,
        breaking=True,
        body="""
<p>The European Parliament has rejected a package of emergency rules that would have let member states extend
border procedures during a sudden rise in arrivals, in a vote that caught the package's sponsors by surprise.</p>
<p>MEPs voted by 331 to 298, with 24 abstentions, against the compromise reached with governments last month.
Party leaders had expected a comfortable majority, but dozens of their members broke ranks, some arguing that the
rules went too far and others that they did not go far enough.</p>
<p>The text now returns to negotiators. “This is a setback, not the end,” said Paulo Mendes, the Portuguese MEP who
led the talks for Parliament. “We will go back to the Council with a clearer mandate.”</p>
<p>More to follow.</p>
""",
    ),
    Story(
        slug="ecb-holds-rates-signals-cut",
        section="economy",
        headline="ECB holds rates but signals a cut as inflation cools",
        standfirst=(
            "The central bank kept its deposit rate at 3% for a fourth meeting, but its president said the case for "
            "easing was “getting stronger” as price growth slows towards target."
        ),
        dateline="Frankfurt",
        authors=("elena-costa",),
        tags=("Inflation", "ECB", "Eurozone"),
        image="chart",
        hours_ago=20,
        body="""
<p>The European Central Bank left interest rates unchanged for the fourth meeting in a row, but gave its clearest
signal yet that borrowing costs in the euro area will start to fall before the summer.</p>
<p>The deposit rate stays at 3%. In its statement the bank said inflation was “on track to return to target in the
course of next year” and that wage growth, which had worried policymakers through the winter, was “moderating as
expected”.</p>
<p>Speaking at the press conference, the ECB's president said the case for lowering rates was “getting stronger
meeting by meeting”, while declining to commit to a date. Markets took that as a nod to the June meeting: the euro
slipped against the dollar and yields on Italian and Spanish bonds fell.</p>
<h2>Inflation is falling, but not everywhere</h2>
<p>Consumer prices in the euro area rose 2.4% in the year to last month, down from a peak above 10% two autumns
ago. Energy prices have fallen back, and goods inflation is close to zero. Services remain the stubborn part: the
price of restaurant meals, holidays and insurance is still rising by about 4% a year.</p>
<p>The picture varies sharply across the currency union. Inflation is below 2% in France and Finland but above 4%
in Croatia and Estonia, where wages are catching up with the rest of the bloc.</p>
<blockquote><p>One rate has to fit twenty economies. In the Baltics the ECB still looks loose; in parts of Germany's
industrial south it looks painfully tight.</p></blockquote>
<p>So said Riccardo Bellini, chief economist at a Milan asset manager, who expects three quarter-point cuts by the
end of the year.</p>
<h2>What it means for borrowers</h2>
<p>Most mortgages in Spain, Portugal and the Baltic states carry variable rates, so households there would feel a
cut within months. In Germany, France and the Netherlands, where fixed rates dominate, the effect would be slower
and would show up mainly in new loans and in refinancing.</p>
<p>Banks have already started to price in lower rates: the average rate on a new ten-year fixed mortgage in the
euro area has fallen by half a point since October, according to the bank's own figures.</p>
<p>The governing council meets again in six weeks. Several of its members have said publicly that they want to see
spring wage settlements before they move.</p>
""",
    ),
    Story(
        slug="what-the-new-entry-exit-system-means-for-travellers",
        section="eu-affairs",
        headline="Fingerprints at the border: what the new entry system means for travellers",
        standfirst=(
            "Visitors from outside the EU will have their faces and fingerprints registered on their first trip "
            "into the Schengen area. Here is who is affected, and what to expect at the airport."
        ),
        dateline="Brussels",
        authors=("claire-vandenberghe",),
        tags=("Migration", "Schengen", "Transport"),
        image="rails",
        hours_ago=30,
        body="""
<p>The passport stamp is on its way out. Under the EU's new Entry/Exit System, border guards will register
travellers from outside the Union electronically, recording their name, passport details, a facial image and four
fingerprints the first time they enter the Schengen area.</p>
<p>The system has been delayed several times, most recently because member states feared queues at airports and
ferry ports during the holiday season. It is now being phased in over six months, with checks made gradually more
thorough.</p>
<h2>Who is affected?</h2>
<ul>
<li>Citizens of non-EU countries travelling for short stays of up to 90 days in any 180, whether or not they need a
visa — including British, American and Canadian visitors;</li>
<li>Not EU citizens, nor citizens of Iceland, Liechtenstein, Norway and Switzerland;</li>
<li>Not non-EU residents holding a residence permit or long-stay visa in a member state.</li>
</ul>
<h2>What happens at the border?</h2>
<p>On a first trip, a traveller will either go to a self-service kiosk or to a border guard, who will scan their
passport, take a photograph and record their fingerprints. Children under twelve are exempt from fingerprinting.
On later trips, a face scan should be enough to confirm identity.</p>
<p>The system calculates automatically how many days a visitor has left under the 90-day rule, which border
guards have until now worked out by counting stamps by hand. Overstayers will be flagged to national
authorities.</p>
<blockquote><p>The first weeks will be slow. After that, regular travellers should move through faster than they do
today.</p></blockquote>
<p>That was the prediction of Inès Haddad, who manages border operations at a large regional airport in southern
France and has been training staff on the new kiosks since the spring.</p>
<h2>What about ferries and the Channel Tunnel?</h2>
<p>Registration at juxtaposed controls — where French border officers check passengers in Dover and Folkestone
before departure — has raised particular concerns, because space for kiosks is limited. Operators have installed
extra booths and say car passengers will be able to register without leaving their vehicles, using tablets handed
through the window.</p>
<h2>Is a separate travel authorisation coming too?</h2>
<p>Yes. A second scheme, the European Travel Information and Authorisation System, will require visa-exempt visitors
to apply online and pay a small fee before they travel. It is due to start several months after the Entry/Exit
System is fully running.</p>
""",
    ),
    Story(
        slug="editorial-ukraine-fund-budget",
        section="opinion",
        headline="The Union cannot keep budgeting for crises one summit at a time",
        standfirst=(
            "Last night's Ukraine deal is welcome. The way it was reached is a warning for the budget talks "
            "that begin next year."
        ),
        dateline="Brussels",
        authors=("sophie-laurent",),
        tags=("Budget", "Ukraine", "European Council"),
        image="speech",
        hours_ago=2,
        body="""
<p>There is much to welcome in the agreement reached by EU leaders in the small hours. Ukraine will have money it
can plan with; reforms that Ukrainians themselves demand are written into the conditions; and the Union has shown,
once again, that it reaches decisions when it must. Those who predicted a veto were wrong.</p>
<p>But the way the deal was done should trouble anyone who cares about how Europe spends its money. For the third
time in five years, a large new commitment has been bolted onto a budget that was not designed for it, in a
negotiation held overnight, between heads of government, on a text most of them saw for the first time that
afternoon.</p>
<h2>A budget built for a calmer world</h2>
<p>The EU's seven-year budget is a remarkable instrument of solidarity, but it is a rigid one. Roughly two-thirds of
it is committed to agriculture and regional development before the first year begins. What is left is too small
for a pandemic, a war on the Union's border or an energy crisis — which is why each of those has been met with a
special fund, a special summit and a special fight.</p>
<p>Improvisation has its merits. It has kept the Union moving when treaty change was impossible. Yet it also
concentrates power in the room where leaders meet, sidelines the Parliament until the end, and leaves citizens with
little idea of what was traded for what.</p>
<blockquote><p>A Union that keeps meeting emergencies with improvisation will end up governed by its emergencies.</p>
</blockquote>
<h2>What the next budget should do</h2>
<p>Negotiations on the next long-term budget begin next year. They are the moment to build flexibility in rather
than bolt it on. Three changes would help:</p>
<ul>
<li>A standing crisis reserve, large enough to matter and released by qualified majority, so that no single
government can hold an emergency hostage;</li>
<li>A mid-term review with teeth, allowing money to move between headings when the world changes;</li>
<li>A real role for the Parliament in deciding how emergency money is spent, not only in approving it
afterwards.</li>
</ul>
<p>None of this is glamorous. All of it is cheaper than another decade of all-night summits. Leaders proved last
night that they can agree when the pressure is high enough. The test now is whether they can agree when it is
not.</p>
""",
    ),
    Story(
        slug="europe-energy-security-starts-at-the-radiator",
        section="opinion",
        headline="Europe's energy security starts at the kitchen radiator",
        standfirst=(
            "We spend years arguing over pipelines and terminals. The cheapest, safest gas is the gas that old "
            "buildings no longer waste, argues Henrik Lund."
        ),
        dateline="Copenhagen",
        authors=("henrik-lund",),
        tags=("Energy", "Housing", "Climate"),
        image="pylons",
        hours_ago=100,
        body="""
<p>Every winter since the gas crisis, European governments have held their breath over storage levels, and every
spring they have congratulated themselves on getting through. The storage tanks are full, the import terminals are
built, and the talk has moved on to hydrogen and small nuclear reactors. It is the wrong conversation.</p>
<p>About 40% of the energy Europe uses goes into buildings, and most of that into heating homes that leak. Three
out of four buildings in the Union were built before there were any meaningful energy standards. Their windows
rattle, their roofs are bare, and their boilers were sized for a time when gas was cheap and the climate was
somebody else's problem.</p>
<h2>The numbers are not mysterious</h2>
<p>Insulating a typical mid-century flat — loft, walls, windows — cuts its heating demand by between a third and a
half. Replace a gas boiler with a heat pump and the remaining demand is met with a third of the energy. Do that
across a city block and you have done more for security of supply than any new terminal, with no exposure to a
foreign supplier's whims.</p>
<p>Denmark learnt this in the 1970s, after the oil shocks, by building district heating networks and making
insulation a condition of planning permission. It was not painless and it was not free. It was, in hindsight,
among the best investments the country ever made.</p>
<h2>Why it does not happen</h2>
<p>The obstacles are not technical. Landlords pay for renovations while tenants enjoy the lower bills. Owners of
flats must agree with their neighbours. Installers are scarce, and the paperwork for public grants is designed by
people who have never filled it in.</p>
<blockquote><p>We subsidise the supply of energy generously and its saving grudgingly, then wonder why we import so
much of it.</p></blockquote>
<p>The EU's buildings directive sets the right direction, but it leaves the hard part — money and skills — to
national governments that have other priorities. A fraction of what was spent on emergency price caps in the crisis
years would have renovated millions of homes. We should not need another crisis to remember that.</p>
""",
    ),
    Story(
        slug="parliament-should-stop-moving-to-strasbourg",
        section="opinion",
        headline="It is time for the Parliament to stop packing its boxes",
        standfirst=(
            "Twelve times a year, 700 MEPs and thousands of staff move to Strasbourg for four days. Tom Hughes on a "
            "ritual nobody can defend and nobody can end."
        ),
        dateline="Strasbourg",
        authors=("tom-hughes",),
        tags=("Parliament",),
        image="hemicycle",
        hours_ago=300,
        body="""
<p>On Monday mornings of plenary week, the lorries leave Brussels before dawn, loaded with the metal trunks that
carry MEPs' files to Strasbourg. By Thursday night they are on their way back. The round trip costs, by the
Parliament's own estimate, around €100 million a year and some 10,000 tonnes of carbon dioxide.</p>
<p>The arrangement is written into the treaties, which name Strasbourg as the Parliament's seat, and changing it
requires the unanimous agreement of the member states — including France, which has always said no.</p>
<h2>A symbol worth keeping?</h2>
<p>There is a serious argument for Strasbourg. The city, passed back and forth between France and Germany over
three wars, is a better symbol of what the Union is for than a glass office district in Brussels. Its hemicycle is
handsome and its staff are proud of it.</p>
<p>But symbols are meant to inspire, and this one mostly exhausts. Ask any MEP what they think of the monthly move
and you will hear about missed trains, empty offices and committee work squeezed into corridors.</p>
<p>A compromise is not hard to imagine: keep Strasbourg as the seat for a handful of ceremonial sessions and turn
its buildings into a European university or court. What is missing is not an idea. It is a French government
willing to accept one.</p>
""",
    ),
    Story(
        slug="fisheries-ministers-settle-quota-row",
        section="eu-affairs",
        headline="Fisheries ministers settle quota row after twenty hours of talks",
        standfirst="Cod and sole catches in the North Sea will fall next year, but by less than scientists advised.",
        dateline="Brussels",
        authors=("claire-vandenberghe",),
        tags=("Fisheries", "Agriculture"),
        image="sea",
        hours_ago=50,
        body="""
<p>EU fisheries ministers agreed next year's catch limits for the Atlantic and the North Sea after a negotiation
that ran through the night, as has become the custom for the December council.</p>
<p>The total allowable catch for North Sea cod will fall by 12% and for sole by 8%. Scientists had recommended
deeper cuts of 20% and 15% to allow stocks to recover. Environmental groups called the outcome “another year of
borrowing from the future”.</p>
<p>Ministers from coastal states argued that fleets had already shrunk and that smaller boats could not absorb
steeper reductions. “We followed the science where we could, and the fishermen where we had to,” said Yann Le
Goff, a French ministry official involved in the talks.</p>
<p>The agreement also extends a ban on eel fishing in marine waters for six months and sets the first shared limits
with the United Kingdom and Norway for several deep-water species.</p>
""",
    ),
    Story(
        slug="commission-proposes-lighter-reporting-for-small-firms",
        section="economy",
        headline="Commission proposes lighter reporting rules for small firms",
        standfirst=(
            "Companies with fewer than 250 staff would be exempt from the most detailed sustainability reports, in "
            "a package business groups welcomed and campaigners called a retreat."
        ),
        dateline="Brussels",
        authors=("elena-costa", "claire-vandenberghe"),
        tags=("Single market", "Business", "Climate"),
        image="skyline",
        hours_ago=75,
        body="""
<p>The European Commission has proposed to exempt small and medium-sized companies from the EU's most demanding
sustainability reporting rules, part of a broader effort to cut paperwork that it says costs businesses billions of
euros a year.</p>
<p>Under the proposal, only companies with more than 250 employees and a turnover above €50 million would have to
publish detailed reports on their environmental and social impact. Smaller firms could use a simplified voluntary
standard, and large companies would no longer be allowed to demand more than that standard from their small
suppliers.</p>
<p>“A bakery with twelve employees should not need a consultant to sell bread to a supermarket,” said Marek Nowicki,
the Commission's deputy spokesperson for the single market.</p>
<h2>Critics see a step back</h2>
<p>Investor groups and environmental organisations warned that the changes would leave gaps in the data that banks
and pension funds need to assess climate risk. “Simplification is fine. Blindness is not,” said Charlotte Weber of a
Brussels-based sustainable finance network.</p>
<p>The proposal needs the approval of the Parliament and member states, several of which have asked for even deeper
cuts.</p>
""",
    ),
    Story(
        slug="western-balkans-leaders-press-for-membership-dates",
        section="world",
        headline="Western Balkans leaders press the EU for membership dates",
        standfirst=(
            "At a summit in Tirana, six governments asked Brussels to turn years of promises into a timetable. "
            "The answer: reforms first."
        ),
        dateline="Tirana",
        authors=("marta-kowalczyk",),
        tags=("Enlargement", "Western Balkans", "Migration"),
        image="flags",
        hours_ago=120,
        body="""
<p>Leaders of the six Western Balkan countries hoping to join the European Union used a summit in the Albanian
capital to press for a clear timetable for membership, warning that two decades of waiting had eroded public
support for the European project in their region.</p>
<p>“Our citizens have heard ‘the door is open’ for twenty years,” said one prime minister in the region, speaking
at the closing press conference. “They would like to know when they may walk through it.”</p>
<p>EU officials were sympathetic in tone but firm in substance. Membership will depend on progress in the rule of
law, the fight against corruption and good relations with neighbours, they said, not on dates set in advance.
“Enlargement is merit-based, and that protects the candidates as much as the Union,” said Elisa Moretti, a senior
Commission official for enlargement.</p>
<h2>A new growth plan</h2>
<p>The Union did bring money. A €6 billion growth plan will give the region gradual access to parts of the single
market — roaming, payments, road haulage — before membership, and finance roads, rail and power lines in return
for reforms.</p>
<p>Migration was the other theme of the day. The Balkan route remains one of the main ways into the Union, and
Brussels wants the six to align their visa rules with its own and to accept more returns of people refused asylum.
Several leaders said they were ready to do so, provided the Union paid for reception centres and border
equipment.</p>
<p>Analysts say the real obstacle remains in EU capitals, where enthusiasm for enlargement has been revived by the
war in Ukraine but where many governments insist that the Union must reform its own decision-making before it
grows to more than thirty members.</p>
""",
    ),
    Story(
        slug="meps-back-tougher-checks-on-foreign-investment",
        section="eu-affairs",
        headline="MEPs back tougher checks on foreign takeovers",
        standfirst="A committee vote would make screening compulsory in every member state for sensitive sectors.",
        dateline="Brussels",
        authors=("tom-hughes",),
        tags=("Trade", "Parliament", "Security"),
        image="hemicycle",
        hours_ago=150,
        body="""
<p>The European Parliament's trade committee voted to require every member state to screen foreign investments in
sensitive sectors such as semiconductors, energy grids, ports and medical supplies, closing gaps that allowed some
acquisitions to escape scrutiny.</p>
<p>Today the screening of foreign takeovers is voluntary under EU law, and a handful of countries still have no
system at all. The revised rules would also cover investments made through subsidiaries based inside the Union, a
loophole that officials say has been exploited.</p>
<p>“We are not closing the door to investment. We are making sure someone is watching who comes in,” said Niklas
Berg, the Swedish liberal who steered the file through the committee. The vote passed by 31 to 7.</p>
<p>The plenary is expected to vote next month, after which talks with member states can begin.</p>
""",
    ),
    Story(
        slug="rule-of-law-report-flags-media-ownership",
        section="eu-affairs",
        headline="Rule-of-law report flags concerns over media ownership in five countries",
        standfirst="The Commission's annual review also notes progress on judicial independence in several capitals.",
        dateline="Brussels",
        authors=("claire-vandenberghe",),
        tags=("Rule of law", "Media freedom"),
        image="columns",
        hours_ago=200,
        body="""
<p>The European Commission has raised concerns about the concentration of media ownership and the independence of
public broadcasters in five member states, in its annual report on the rule of law across the Union.</p>
<p>The report, which examines justice systems, anti-corruption frameworks, media freedom and checks and balances in
each country, found that in several places a small number of owners with political ties controlled a large share
of news outlets. It recommended that governments publish who ultimately owns media companies and shield the boards
of public broadcasters from political appointment.</p>
<p>The review also recorded progress. Two countries have changed the way judges are appointed to their highest
courts, and several have strengthened rules on lobbying and asset declarations.</p>
<p>Press freedom organisations welcomed the attention but said the report lacked consequences. “Recommendations are
not enforcement,” said Jonas Verhoeven of a Brussels-based journalists' association. A new media freedom law, which
applies from next year, will give the Commission more tools.</p>
""",
    ),
    Story(
        slug="ukraine-grain-corridor-under-strain",
        section="world",
        headline="Ukraine's Black Sea grain corridor under strain as insurers raise premiums",
        standfirst="Exports have held up through the summer, but shippers warn that rising costs could slow them.",
        dateline="Odesa",
        authors=("marta-kowalczyk",),
        tags=("Ukraine", "Agriculture", "Trade"),
        image="fields",
        hours_ago=44,
        body="""
<p>Ships carrying Ukrainian grain continue to leave the ports of Odesa and Pivdennyi at a steady pace, but shipping
companies warn that rising insurance premiums and repeated strikes on port infrastructure are pushing up costs and
could slow exports through the winter.</p>
<p>Ukraine exported nearly 4 million tonnes of grain and oilseeds through its own Black Sea corridor last month,
close to pre-war levels. War-risk premiums for a voyage have nonetheless doubled since the spring, according to two
brokers, adding several dollars to the cost of every tonne.</p>
<p>“The corridor works because people take risks every day to make it work,” said Oleksandr Tkachenko, who manages a
grain terminal near Odesa. “Every time a warehouse burns, the arithmetic changes for someone.”</p>
<h2>Land routes and neighbours</h2>
<p>The sea route has taken pressure off the land routes through Poland, Hungary and Romania, where farmers protested
last year against cheap Ukrainian grain. The EU has extended duty-free access for most Ukrainian farm products until
next summer, with safeguards for sugar, eggs and poultry.</p>
<p>Ukrainian officials want those safeguards loosened in talks on a new trade deal. Farmers' unions in neighbouring
countries want them kept.</p>
""",
    ),
    Story(
        slug="norway-eu-north-sea-carbon-storage",
        section="world",
        headline="Norway and the EU agree to pipe captured carbon under the North Sea",
        standfirst="The deal clears the way for factories in Belgium, Germany and the Netherlands to store CO₂ offshore.",
        dateline="Oslo",
        authors=("ana-ferreira",),
        tags=("Energy", "Climate", "Industry"),
        image="sea",
        hours_ago=170,
        body="""
<p>Norway and the European Union have signed an agreement that allows carbon dioxide captured at factories in EU
countries to be shipped or piped to Norway and stored beneath the North Sea seabed, removing a legal obstacle to one
of the largest carbon storage projects in Europe.</p>
<p>Cement, steel and chemical plants that cannot easily cut their emissions by switching fuel see carbon capture as
their main route to climate neutrality. Until now, exporting CO₂ for storage raised questions under international
rules on dumping at sea, and about who would be liable for leaks.</p>
<p>“Industry has been waiting for this signature,” said Kari Solheim, who leads a Norwegian storage consortium.
“Now the first ships can be ordered.”</p>
<p>Environmental groups remain divided. Some see storage as unavoidable for heavy industry; others fear it will be
used to prolong the life of fossil fuel plants. Under the agreement, stored carbon will count towards the emitter's
obligations under the EU emissions trading system only if it remains permanently underground.</p>
""",
    ),
    Story(
        slug="bonn-climate-talks-draft-texts",
        section="climate",
        headline="Climate negotiators trade drafts in Bonn as finance gap widens",
        standfirst="Mid-year talks ended with a thicker text and no agreement on who pays for adaptation.",
        dateline="Bonn",
        authors=("ana-ferreira",),
        tags=("Climate", "Climate talks", "Development"),
        image="wind",
        hours_ago=220,
        body="""
<p>Two weeks of UN climate talks in Bonn ended with negotiators further apart than when they began on the question
that will dominate the next climate summit: how much money rich countries should provide to help poorer ones cope
with rising temperatures.</p>
<p>The draft text on a new finance goal grew from 20 pages to 35 as countries added options, brackets and
footnotes. Developing countries are seeking a commitment in the trillions of dollars over the decade; wealthy
countries want large emerging economies to contribute and private investment to count.</p>
<p>“We came to Bonn to narrow options and we leave with more of them,” said Amina Diallo, a negotiator for a group
of least developed countries. “That is not progress.”</p>
<p>European negotiators said the Union would remain the largest provider of public climate finance but could not
carry the burden alone. EU environment ministers are due to agree their position in October.</p>
""",
    ),
    Story(
        slug="eu-canada-critical-minerals-partnership",
        section="world",
        headline="EU and Canada deepen partnership on critical minerals",
        standfirst="Joint projects on lithium, nickel and rare earths aim to reduce reliance on a single supplier.",
        dateline="Ottawa",
        authors=("elena-costa",),
        tags=("Trade", "Industry"),
        image="chart",
        hours_ago=260,
        body="""
<p>The European Union and Canada have agreed to co-finance mining and processing projects for lithium, nickel,
graphite and rare earth elements, as both seek to reduce their dependence on China for the raw materials needed for
batteries, wind turbines and electric motors.</p>
<p>The partnership includes a shared list of priority projects, faster permits for those that meet environmental
and indigenous consultation standards, and a pledge to coordinate stockpiles in a supply emergency.</p>
<p>“We have the rocks. Europe has the factories. Neither of us has enough refineries,” said Claire Tremblay, an
adviser to Canada's natural resources ministry, at a briefing for reporters.</p>
<p>European carmakers welcomed the deal but noted that new mines take a decade or more to open. The EU's own law
on critical raw materials aims to process 40% of the Union's needs within Europe by the end of the decade.</p>
""",
    ),
    Story(
        slug="german-industrial-output-falls-third-month",
        section="economy",
        headline="German industrial output falls for a third month",
        standfirst="Chemicals and carmakers lead the decline, reviving talk of a lost decade for Europe's largest economy.",
        dateline="Berlin",
        authors=("katrin-albers",),
        tags=("Germany", "Industry", "Energy"),
        image="pylons",
        hours_ago=60,
        body="""
<p>Germany's industrial production fell by 0.8% last month, the third decline in a row, as chemical makers and
the car industry cut output in the face of weak demand and high energy costs, the federal statistics office said.</p>
<p>Production in energy-intensive industries is now about 15% below its level before the gas crisis. Some companies
have moved the production of basic chemicals abroad for good, while others are waiting for cheaper electricity
promised by the government's grid and renewables plans.</p>
<p>“We are not seeing a collapse, we are seeing erosion,” said Jens Hartmann, an economist at a Düsseldorf bank.
“Every month a little more capacity leaves and does not come back.”</p>
<p>The figures add pressure on the coalition, which is divided over whether to subsidise industrial electricity
prices. Business groups say a temporary price cap would keep plants open; the finance ministry says the budget
cannot afford it.</p>
""",
    ),
    Story(
        slug="gas-storage-full-ahead-of-winter",
        section="climate",
        headline="Europe's gas storage is 95% full ahead of winter",
        standfirst="Tanks filled early, but traders warn that a cold snap could still lift prices.",
        dateline="Berlin",
        authors=("katrin-albers",),
        tags=("Energy",),
        image="pylons",
        hours_ago=90,
        body="""
<p>Gas storage sites across the EU are 95% full, weeks ahead of the November target, according to data from
operators, leaving the continent better prepared for winter than at any time since the energy crisis.</p>
<p>Liquefied natural gas imports from the United States, Qatar and West Africa have largely replaced pipeline gas
from Russia, and demand remains around 15% below its pre-crisis average thanks to efficiency, fuel switching and
lower industrial output.</p>
<p>Prices have fallen far from their peak but remain roughly twice their historic level. “Full storage is a
cushion, not a guarantee,” said Anja Keller, a gas analyst in Hamburg. “A long cold spell in January and a few
delayed cargoes and we would see prices jump again.”</p>
""",
    ),
    Story(
        slug="rents-rise-fastest-in-a-decade",
        section="economy",
        headline="Rents in Europe's cities rise at the fastest pace in a decade",
        standfirst="Higher interest rates have pushed would-be buyers into renting, squeezing supply in capitals.",
        dateline="Frankfurt",
        authors=("elena-costa",),
        tags=("Housing", "Inflation"),
        image="skyline",
        hours_ago=140,
        body="""
<p>Rents in large European cities rose by an average of 7% over the past year, the fastest increase in a decade,
as higher interest rates kept would-be buyers in rented flats and construction of new homes slowed, according to a
survey of 40 cities by a property consultancy.</p>
<p>The sharpest increases were in Lisbon, Warsaw and Dublin, where rents rose by more than 12%. In Berlin, where
rent controls apply to existing contracts, asking rents for new leases rose by almost 10%.</p>
<p>“The problem is simple: we are not building enough, and we are building it in the wrong places,” said Pilar
Navarro, who leads the survey. Building permits in the euro area fell by a fifth last year as financing costs
rose.</p>
<h2>Governments reach for controls</h2>
<p>Several governments have responded with new limits on rent increases, restrictions on short-term holiday lets
and public building programmes. Economists warn that controls can reduce supply over time, but say that in tight
markets they protect tenants while new homes are built.</p>
<p>Housing is not an EU competence, but the Commission has promised its first plan on affordable housing and a
review of state-aid rules that limit subsidies for social housing.</p>
""",
    ),
    Story(
        slug="air-traffic-controllers-strike-summer-warning",
        section="economy",
        headline="Airlines warn of summer disruption as air-traffic controllers strike",
        standfirst="More than a thousand flights were cancelled as controllers walked out over staffing.",
        dateline="Paris",
        authors=("julien-marchetti",),
        tags=("Transport", "Strikes"),
        image="skyline",
        hours_ago=180,
        body="""
<p>More than a thousand flights were cancelled across Europe after air-traffic controllers in France walked out
over staffing and working hours, and airlines warned that the summer could bring worse.</p>
<p>Because many flights between northern Europe and Spain, Italy and Portugal cross French airspace, the strike
affected passengers who never set foot in France. Airlines for Europe, the industry association, called on the EU
to protect overflights during strikes.</p>
<p>Unions say controllers are being asked to handle record traffic with too few colleagues. “We are not striking
against passengers. We are striking so that the system does not break,” said a spokesman for one union.</p>
<p>The government has promised to recruit 300 controllers by the end of next year.</p>
""",
    ),
    Story(
        slug="spanish-reservoirs-record-low-heatwave",
        section="climate",
        headline="Heatwave pushes Spanish reservoirs towards record lows",
        standfirst="Catalonia and Andalusia tighten water restrictions as temperatures top 42C for a fifth day.",
        dateline="Madrid",
        authors=("ana-ferreira",),
        tags=("Climate", "Water", "Agriculture", "Heatwave"),
        image="heat",
        hours_ago=36,
        body="""
<p>Reservoirs in southern and eastern Spain have fallen to less than a fifth of their capacity as a heatwave sent
temperatures above 42C for a fifth consecutive day, prompting regional governments to tighten water restrictions
for farms, gardens and swimming pools.</p>
<p>In Catalonia, towns on the coast will receive water by tanker if levels fall further. In Andalusia, irrigation
quotas for olive and citrus growers have been cut by half.</p>
<p>“We used to plan for one dry year in five. Now we plan for one wet year in five,” said Mercedes Ruiz, who manages
an irrigation community near Seville.</p>
<h2>Desalination and its limits</h2>
<p>Spain has invested heavily in desalination plants, which supply a growing share of drinking water on the
Mediterranean coast. But they use large amounts of electricity and cannot replace the volumes that agriculture
needs.</p>
<p>Scientists say heatwaves of this intensity, once rare, are now expected every few years. The state weather agency
has forecast a further week of above-average temperatures.</p>
""",
    ),
    Story(
        slug="baltic-states-offshore-wind-grid-link",
        section="climate",
        headline="Baltic states sign offshore wind grid link",
        standfirst="A shared cable will connect wind farms off Estonia, Latvia and Lithuania to all three networks.",
        dateline="Riga",
        authors=("marta-kowalczyk",),
        tags=("Energy", "Baltic states"),
        image="wind",
        hours_ago=240,
        body="""
<p>Estonia, Latvia and Lithuania have agreed to build a shared offshore grid connecting future wind farms in the
Baltic Sea to all three countries' networks, a project they say will strengthen their energy independence after
disconnecting from the Russian power system.</p>
<p>The €2.1 billion project, partly financed by the EU, would allow electricity from up to 3 gigawatts of offshore
wind to flow to whichever country needs it most, and to Finland and Poland through existing interconnectors.</p>
<p>“For our region, every cable is a security decision,” said Laura Kalniņa, an official at the Latvian economy
ministry. Operators are also installing sensors and patrols along undersea cables after several were damaged last
year.</p>
""",
    ),
    Story(
        slug="swiss-glaciers-record-summer-loss",
        section="climate",
        headline="Alpine glaciers record their steepest summer loss in monitoring history",
        standfirst="Swiss glaciers lost about 4% of their remaining volume in a single season.",
        dateline="Zurich",
        authors=("ana-ferreira",),
        tags=("Climate", "Water"),
        image="heat",
        hours_ago=400,
        body="""
<p>Glaciers in the Swiss Alps lost about 4% of their remaining ice this summer, the largest loss in a single year
since systematic measurements began more than a century ago, according to the national glacier monitoring
network.</p>
<p>Little snow in winter, a dusting of Saharan sand that darkened the ice, and a long, hot summer combined to strip
glaciers of ice at altitudes where they had previously been stable. Several small glaciers have disappeared
altogether and are no longer measured.</p>
<p>“We are writing obituaries, not reports,” said Andreas Furrer, a glaciologist who has surveyed the same
glaciers for twenty years.</p>
<p>The loss matters far beyond the mountains: Alpine meltwater feeds the Rhine, the Rhône and the Po, and in dry
summers keeps rivers navigable and nuclear plants cooled downstream.</p>
""",
    ),
    Story(
        slug="capitals-of-culture-small-cities",
        section="culture",
        headline="Two small cities get ready for their year as European Capital of Culture",
        standfirst="Neither is famous. That, say the organisers, is precisely the point.",
        dateline="Brussels",
        authors=("sophie-laurent",),
        tags=("Culture", "Cities"),
        image="columns",
        hours_ago=330,
        body="""
<p>The title of European Capital of Culture has gone to Athens, Paris and Madrid in its time. Increasingly it goes
to places most Europeans would struggle to find on a map — and the cities that have held it say it has changed them
more than it ever could a metropolis.</p>
<p>This year's holders, a former mining town and a river port of 60,000 people, have spent four years preparing
programmes built with and for their residents: a choir of a thousand voices drawn from every neighbourhood, an
archive of family photographs gathered door to door, and a festival in a disused coal washery.</p>
<p>“We are not trying to attract Paris. We are trying to show people who live here that culture is theirs,” said
the programme director of one of the two cities, Katarzyna Wiśniewska.</p>
<p>Studies of past capitals are mixed: visitors rise during the year, but the lasting effect depends on whether
venues and projects survive when the EU money stops. This year's organisers say they have budgeted for the year
after.</p>
""",
    ),
    Story(
        slug="brussels-museum-night-record-crowds",
        section="culture",
        headline="Brussels museum night draws record crowds",
        standfirst="More than 40 museums stayed open until midnight, and many of the visitors were there for the first time.",
        dateline="Brussels",
        authors=("claire-vandenberghe",),
        tags=("Culture", "Museums"),
        image="columns",
        hours_ago=500,
        body="""
<p>More than 60,000 people visited Brussels museums during the city's annual museum night, organisers said, a
record for an event now in its seventeenth year.</p>
<p>Forty-three museums stayed open until midnight with concerts, guided tours and workshops. Queues stretched
around the fine arts museum and the comic strip centre, while smaller institutions such as the museum of
musical instruments reported three times their usual Saturday attendance.</p>
<p>A survey by the organisers found that one visitor in three had not been to any of the museums in the past
year. “That is our audience,” said Marie Dumont, one of the organisers. “Not the people who already come, but the
people who thought museums were not for them.”</p>
""",
    ),
    Story(
        slug="berlin-clubs-win-cultural-status",
        section="culture",
        headline="Berlin's clubs win recognition as cultural venues",
        standfirst="A zoning change protects music venues from being treated like amusement arcades.",
        dateline="Berlin",
        authors=("katrin-albers",),
        tags=("Culture", "Germany", "Cities"),
        image="skyline",
        hours_ago=600,
        body="""
<p>Berlin's techno clubs will be classed as cultural venues rather than places of entertainment under a change to
planning rules approved by the city, giving them the same protection as theatres and concert halls when developers
move in next door.</p>
<p>Club owners had campaigned for years, arguing that rising rents and complaints from new neighbours were forcing
venues that helped define the city's identity to close. More than two dozen clubs have shut in the past decade.</p>
<p>“Nobody would let a developer build flats against the wall of the opera and then complain about the noise,” said
Lena Vogt, who speaks for an association of club operators. “Now the same rule applies to us.”</p>
<p>The city has also set aside a fund to pay for soundproofing in venues that face complaints.</p>
""",
    ),
    Story(
        slug="ministers-back-joint-ammunition-buying",
        section="eu-affairs",
        headline="Defence ministers back joint buying of ammunition and air defence",
        standfirst="A new scheme would let groups of countries order together with EU money.",
        dateline="Brussels",
        authors=("claire-vandenberghe",),
        tags=("Defence", "Ukraine", "Budget"),
        image="flags",
        hours_ago=700,
        body="""
<p>EU defence ministers have backed a plan to let groups of member states order ammunition, air defence systems
and drones together, with the EU budget covering part of the cost when at least three countries buy jointly.</p>
<p>The scheme is meant to end a pattern in which governments compete for the same limited production, driving up
prices and lengthening delivery times. Part of the output would go to Ukraine.</p>
<p>“We have 27 small customers competing with each other. We need to become one large one,” said Pekka Virtanen, a
Finnish defence official. Smaller member states welcomed the plan, while some with large defence industries insisted
that contracts should go to European producers.</p>
<p>The Commission will present a legal proposal in the coming weeks.</p>
""",
    ),
    Story(
        slug="commission-opens-cases-over-recycling-targets",
        section="climate",
        headline="Commission opens cases against nine countries over missed recycling targets",
        standfirst="Landfill rates remain high in several member states, despite deadlines set a decade ago.",
        dateline="Brussels",
        authors=("claire-vandenberghe",),
        tags=("Climate", "Environment"),
        image="skyline",
        hours_ago=800,
        body="""
<p>The European Commission has started legal proceedings against nine member states for failing to meet targets on
recycling municipal waste and reducing landfill, in the largest batch of environmental infringement cases this
year.</p>
<p>The countries have two months to respond to formal notices before the Commission can escalate the cases. Several
still send more than half of their household waste to landfill, against an EU target of 10% by 2035.</p>
<p>Officials said most of the cases could be resolved by investment in sorting and composting, for which EU
regional funds are available.</p>
""",
    ),
    Story(
        slug="weekend-read-long-road-to-common-asylum-system",
        section="eu-affairs",
        headline="Weekend read: the long road to a common asylum system",
        standfirst=(
            "It took nine years, three crises and dozens of failed summits to agree on new migration rules. "
            "Making them work may be harder still."
        ),
        dateline="Brussels",
        authors=("tom-hughes",),
        tags=("Migration", "Parliament", "Schengen"),
        image="sea",
        scheduled=True,
        body="""
<p>In the autumn of 2015, when more than a million people crossed into Europe in a few months, EU interior
ministers sat in a Luxembourg conference room and voted — over the objections of four countries — to relocate
120,000 asylum seekers from Greece and Italy. Fewer than 35,000 were ever moved. The vote poisoned the debate for
the better part of a decade.</p>
<p>The migration pact that took effect this year is in many ways the result of that failure. It abandons mandatory
quotas in favour of “flexible solidarity”: member states under pressure can ask for help, and others choose whether
to take in people, pay into a common fund or provide staff and equipment.</p>
<h2>What changes at the border</h2>
<p>Arrivals who are unlikely to be granted protection — because they come from countries with low recognition rates
— will go through a faster border procedure, for up to twelve weeks, in facilities near the external frontier.
Everyone will be screened for identity, health and security within seven days.</p>
<p>Human rights groups fear the procedures will mean detention in all but name, including for families.
Governments on the Mediterranean fear they will be left to run the facilities alone.</p>
<h2>The test ahead</h2>
<p>The rules will be judged on something the pact cannot legislate: whether governments trust each other enough to
apply them. “The law is ready. The question is whether the politics are,” said Paulo Mendes, the MEP who negotiated
parts of it.</p>
""",
    ),
    Story(
        slug="carmakers-win-more-time-on-co2-targets",
        section="climate",
        headline="Carmakers set to win more time on CO₂ targets, draft shows",
        standfirst="A draft seen by the Desk would average fines over three years instead of one.",
        dateline="Brussels",
        authors=("tom-hughes",),
        tags=("Climate", "Industry", "Transport"),
        image="skyline",
        status="review",
        body="""
<p>The European Commission is preparing to give carmakers three years instead of one to meet stricter limits on the
average CO₂ emissions of the cars they sell, according to a draft proposal seen by the Desk.</p>
<p>Under current rules, manufacturers whose fleets exceed the limit this year would face fines that industry groups
estimate at up to €15 billion. Averaging over three years would let them offset a weak year for electric car sales
with stronger ones later.</p>
<p>Environmental groups said the change rewarded companies that had been slow to invest. [Waiting for reaction from
the carmakers' association — TH]</p>
""",
    ),
    Story(
        slug="interview-estonia-cyber-defence-chief",
        section="world",
        headline="Interview: the official guarding Estonia's networks",
        standfirst="Notes and first quotes; full interview to follow.",
        dateline="Tallinn",
        authors=("tom-hughes",),
        tags=("Security", "Baltic states", "Digital"),
        status="draft",
        body="""
<p>Her office has no sign on the door, and the coffee machine is older than most of her staff.</p>
<p>[Transcript to add. Check spelling of the agency's name and her title with the press office.]</p>
""",
    ),
    Story(
        slug="plenary-week-preview",
        section="eu-affairs",
        headline="Plenary preview: budget, batteries and a vote on the Commission's work programme",
        standfirst="What MEPs will vote on in Strasbourg next week.",
        dateline="Strasbourg",
        authors=("tom-hughes",),
        tags=("Parliament",),
        status="draft",
        body="""
<ul>
<li>Budget: first reading of the annual budget, with a fight over the Ukraine line;</li>
<li>Batteries: final vote on collection targets;</li>
<li>Debate with the Commission on its work programme.</li>
</ul>
""",
    ),
]
