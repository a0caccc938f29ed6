"""Les articles en français du journal de démonstration : fiction, personnes inventées."""

from .stories_en import LEAD
from .story import Story

STORIES = [
    Story(
        slug="les-dirigeants-europeens-s-accordent-sur-un-fonds-pour-l-ukraine",
        section="eu-affairs",
        headline="Les Vingt-Sept s'accordent sur un fonds de 60 milliards d'euros pour reconstruire l'Ukraine",
        standfirst=(
            "Après quatorze heures de négociations, les dirigeants européens ont adopté un programme de dons et de "
            "prêts sur quatre ans, versé par tranches et conditionné à des réformes. Le Parlement européen doit "
            "encore l'approuver."
        ),
        dateline="Bruxelles",
        authors=("claire-vandenberghe", "julien-marchetti"),
        tags=LEAD.tags,
        image=LEAD.image,
        hours_ago=2.5,
        language="fr",
        translation_of=LEAD.slug,
        body="""
<p>Les dirigeants de l'Union européenne se sont mis d'accord tôt ce matin sur la création d'un fonds de
60 milliards d'euros destiné à la reconstruction de l'Ukraine au cours des quatre prochaines années, mettant fin à
un bras de fer qui menaçait d'éclipser le sommet et qui a tenu les diplomates penchés sur des textes de compromis
jusqu'à l'aube.</p>
<p>Le dispositif associe 22 milliards d'euros de dons à 38 milliards de prêts à taux réduit, versés par tranches
trimestrielles à mesure que Kiev remplit des conditions portant sur les marchés publics, la nomination des juges et
l'indépendance de ses agences anticorruption. Il sera financé par une révision du budget pluriannuel de l'Union
plutôt que par un nouvel emprunt commun, une concession faite à un groupe de pays du Nord attachés à la rigueur
budgétaire.</p>
<p>« Nous avions dit que nous resterions aux côtés de l'Ukraine aussi longtemps qu'il le faudrait. Cette nuit, nous
avons mis un montant et un calendrier sur cette promesse », a déclaré Lotte Brandt, porte-parole de la présidence du
sommet, alors que les dirigeants quittaient le bâtiment peu après 5 heures.</p>
<h2>Les coulisses de l'accord</h2>
<p>Le déblocage est intervenu après minuit, lorsque le dernier gouvernement réticent a accepté une clause de
réexamen permettant à tout État membre de demander, une fois par an, un débat des dirigeants sur le fonds. Cette
clause ne donne aucun droit de veto sur les versements, qui seront approuvés par les ministres des finances à la
majorité qualifiée, sur proposition de la Commission.</p>
<p>Les diplomates décrivent une soirée tendue, au cours de laquelle les discussions ont été suspendues à deux
reprises. « Il y a eu des moments où l'on a cru repartir avec une simple déclaration de bonnes intentions, confie un
haut diplomate. Au bout du compte, personne ne voulait être celui qui bloque. »</p>
<blockquote><p>La prévisibilité vaut autant que l'argent lui-même. Les entreprises, les investisseurs et les villes
ukrainiennes ont besoin de savoir ce qui arrivera l'an prochain, pas la semaine prochaine.</p></blockquote>
<p>C'est le message que les responsables ukrainiens ont porté de délégation en délégation tout au long de la
journée, selon un conseiller de l'équipe de négociation de Kiev, qui a requis l'anonymat en raison de la
confidentialité des échanges.</p>
<h2>À quoi servira l'argent</h2>
<ul>
<li>La remise en état du réseau électrique et du chauffage urbain avant l'hiver prochain, priorité de la première
tranche ;</li>
<li>Les routes, les ponts et les liaisons ferroviaires vers la frontière de l'Union, dont l'élargissement des points
de passage vers la Pologne et la Roumanie ;</li>
<li>Des crédits aux petites entreprises et des subventions aux collectivités des régions proches de la ligne de
front ;</li>
<li>Une aide budgétaire pour continuer à payer les écoles, les hôpitaux et les retraites tant que les recettes
fiscales restent déprimées.</li>
</ul>
<p>La Commission estime qu'environ un cinquième des fonds pourrait être versé avant la fin de l'année si le Parlement
approuve rapidement la révision du budget. Les eurodéputés soutiennent dans leur grande majorité l'aide à l'Ukraine,
mais se plaignent d'être sommés d'entériner des accords conclus à huis clos par les gouvernements.</p>
<p>« Nous lirons attentivement les conditions, prévient Femke de Wit, eurodéputée écologiste néerlandaise, membre
de la commission des budgets. Les réformes en Ukraine sont indispensables, mais le contrôle ici l'est tout autant.
Le Parlement n'est pas un notaire. »</p>
<h2>La prochaine bataille : qui paiera ?</h2>
<p>L'accord laisse en suspens la question la plus épineuse : comment le budget européen absorbera-t-il ce nouvel
engagement sans rogner sur les aides agricoles et les fonds régionaux, qui représentent ensemble près des deux tiers
des dépenses ? Plusieurs capitales ont déjà fait savoir qu'elles attendaient un budget pluriannuel plus important
lors des négociations qui s'ouvriront l'an prochain.</p>
<p>Les contributeurs nets résistent. « On ne peut pas ajouter une nouvelle priorité chaque année et faire comme si
le plafond n'existait pas », souligne un diplomate d'un État membre du Nord. Les responsables s'attendent à ce que
le débat ressurgisse lors du sommet de juin, consacré aux dépenses de défense.</p>
<p>À Kiev, le gouvernement a salué une décision qui constitue, selon lui, « le signe que la patience de l'Europe
est plus longue que la guerre ». Les autorités ukrainiennes espèrent recevoir le premier versement avant le début de
la saison de chauffage, en octobre.</p>
""",
    ),
    Story(
        slug="budget-bercy-cherche-40-milliards-d-economies",
        section="economy",
        headline="Budget : Bercy cherche 40 milliards d'euros d'économies",
        standfirst=(
            "Pour ramener le déficit sous la barre des 5 % du PIB, le gouvernement prépare un budget de rigueur qui "
            "touchera les collectivités, la santé et les niches fiscales."
        ),
        dateline="Paris",
        authors=("julien-marchetti",),
        tags=("Budget", "France"),
        image="chart",
        hours_ago=64,
        language="fr",
        body="""
<p>Le gouvernement a présenté aux partenaires sociaux les grandes lignes du prochain projet de loi de finances, qui
prévoit 40 milliards d'euros d'économies et de recettes nouvelles pour ramener le déficit public de 5,6 % à 4,9 %
du produit intérieur brut.</p>
<p>Près de la moitié de l'effort porterait sur les dépenses de l'État et de ses opérateurs, dont les crédits seraient
gelés en valeur. Les collectivités locales seraient mises à contribution à hauteur de 5 milliards d'euros, et
l'objectif de dépenses de l'assurance-maladie serait limité à une hausse de 2,8 %.</p>
<h2>Les niches fiscales dans le viseur</h2>
<p>Côté recettes, Bercy entend raboter une série de niches fiscales jugées peu efficaces et prolonger la
contribution exceptionnelle demandée aux grandes entreprises. « Il ne s'agit pas d'augmenter les impôts, mais de
supprimer des exceptions devenues des rentes », assure un conseiller du ministre.</p>
<p>L'opposition dénonce un budget « d'austérité qui ne dit pas son nom ». Les associations d'élus locaux, elles,
rappellent que les communes financent une grande partie de l'investissement public.</p>
<p>Bruxelles suivra le texte de près : la France fait l'objet d'une procédure pour déficit excessif et doit
présenter une trajectoire crédible de retour sous les 3 %. Le projet de loi sera présenté en Conseil des ministres
à l'automne.</p>
""",
    ),
    Story(
        slug="agriculteurs-la-colere-remonte-jusqu-a-bruxelles",
        section="eu-affairs",
        headline="Agriculteurs : la colère remonte jusqu'à Bruxelles",
        standfirst=(
            "Des centaines de tracteurs ont convergé vers le quartier européen pendant la réunion des ministres de "
            "l'agriculture. Au cœur des revendications : les normes, les prix et les accords commerciaux."
        ),
        dateline="Bruxelles",
        authors=("julien-marchetti",),
        tags=("Agriculture", "Trade"),
        image="fields",
        hours_ago=110,
        language="fr",
        body="""
<p>Plusieurs centaines de tracteurs venus de Belgique, de France, des Pays-Bas et d'Allemagne ont bloqué une partie
du quartier européen de Bruxelles, tandis que les ministres de l'agriculture des Vingt-Sept se réunissaient à
quelques rues de là.</p>
<p>Les manifestants dénoncent la multiplication des normes environnementales, la faiblesse des prix payés aux
producteurs et la concurrence de produits importés qui ne respectent pas les mêmes règles. « On nous demande de
produire plus propre, et on laisse entrer du poulet qui n'est soumis à aucune de nos contraintes », résume Thierry
Lemaire, éleveur dans l'Aisne.</p>
<p>Les ministres ont promis de simplifier les contrôles liés à la politique agricole commune et d'exempter les
petites exploitations de certaines obligations. La Commission s'est engagée à présenter d'ici l'été des mesures
pour renforcer la position des agriculteurs face à la grande distribution.</p>
<p>Ces annonces n'ont pas suffi à calmer la colère. « Des promesses, on en a eu l'an dernier », lance une
manifestante venue de Flandre. Les syndicats agricoles ont appelé à une nouvelle mobilisation avant le sommet de
juin.</p>
""",
    ),
    Story(
        slug="tribune-l-europe-doit-parler-d-une-seule-voix-sur-l-energie",
        section="opinion",
        headline="L'Europe doit parler d'une seule voix sur l'énergie",
        standfirst=(
            "Achats groupés, réseaux interconnectés, stocks partagés : la crise a montré ce que l'Union sait faire "
            "lorsqu'elle agit ensemble. Il ne faut pas l'oublier, estime Sophie Laurent."
        ),
        dateline="Bruxelles",
        authors=("sophie-laurent",),
        tags=("Energy", "Climate"),
        image="pylons",
        hours_ago=210,
        language="fr",
        body="""
<p>Il y a trois ans, l'Europe découvrait brutalement le prix de sa dépendance. Les factures d'électricité
s'envolaient, des usines fermaient leurs fours, et chaque capitale négociait seule avec les mêmes fournisseurs,
faisant monter les prix qu'elle prétendait combattre.</p>
<p>Puis l'Union a fait quelque chose d'inhabituel : elle a agi ensemble. Les stocks de gaz ont été remplis selon des
objectifs communs, la consommation a baissé partout, des achats groupés ont été organisés et les réseaux ont
échangé l'électricité par-delà les frontières comme jamais auparavant.</p>
<h2>Le retour des réflexes nationaux</h2>
<p>La crise passée, les vieilles habitudes reviennent. Chacun défend son bouquet énergétique, ses tarifs réglementés
et ses champions nationaux. Les interconnexions promises prennent du retard, et les débats sur le nucléaire ou
l'hydrogène tournent au dialogue de sourds.</p>
<blockquote><p>Un marché de l'énergie fragmenté coûte cher en temps de paix et devient dangereux en temps de
crise.</p></blockquote>
<p>L'Europe n'a pas besoin d'un mix énergétique unique ; elle a besoin de réseaux qui relient les différences. Le
vent de la mer du Nord, le soleil de la péninsule Ibérique, l'hydraulique des Alpes et le nucléaire français se
complètent à condition de pouvoir circuler.</p>
<p>Achever ces câbles, harmoniser les règles de soutien et garder la capacité d'acheter ensemble : ce programme n'a
rien de spectaculaire. Il est pourtant la meilleure assurance contre la prochaine crise, qui ne préviendra pas.</p>
""",
    ),
    Story(
        slug="canicule-les-villes-misent-sur-l-ombre",
        section="climate",
        headline="Canicule : les villes misent sur l'ombre et l'eau",
        standfirst=(
            "Cours d'école végétalisées, fontaines, toiles tendues au-dessus des rues : face à des étés plus chauds, "
            "les municipalités réinventent l'espace public."
        ),
        dateline="Lyon",
        authors=("julien-marchetti", "ana-ferreira"),
        tags=("Climate", "Cities", "Heatwave"),
        image="heat",
        hours_ago=380,
        language="fr",
        body="""
<p>À Lyon, la cour de l'école Jean-Macé ne ressemble plus à un parking. Le bitume a laissé place à de la terre, des
arbres et des copeaux de bois, et la température au sol y est désormais inférieure de près de dix degrés à celle de
la rue voisine lors des après-midi de juillet.</p>
<p>Comme des dizaines de villes françaises, la métropole transforme ses cours d'école en « îlots de fraîcheur »,
ouverts au public l'été. Paris, Strasbourg et Montpellier multiplient de leur côté les fontaines, les brumisateurs
et les toiles tendues au-dessus des rues commerçantes.</p>
<p>« On ne fera pas baisser la température de la planète depuis une cour d'école, reconnaît Claire Morel, urbaniste
à la métropole. Mais on peut éviter qu'un enfant ou une personne âgée se retrouve sans abri contre la chaleur. »</p>
<p>Les experts rappellent que planter un arbre ne produit ses effets qu'au bout de plusieurs années, et que l'eau
se fait elle aussi plus rare. Plusieurs villes privilégient donc des essences résistantes à la sécheresse et la
récupération des eaux de pluie.</p>
""",
    ),
]
