"""Organisation type words as data: which words of a name say what kind of body it is.

Read by `story.orgnames` (docs/quality.md, "r15-orgs"). The words are written ASCII-folded and
lower case, in several languages, because native-language names of one body meet their English
translations in news. A kind is a coarse class: two names of one distinctive word ("Vorna")
whose type words fall in different kinds ("Vorna Bank", "Vorna Insurance") are two bodies.
Words of one kind may still name two bodies; the kind only tells two bodies apart, never joins.
"""

from __future__ import annotations

_KIND_WORDS: dict[str, str] = {
    "bank": """bank banks banco banca banque bankas banken caixa caja sparkasse""",
    "insurance": """insurance insurer insurers assurance assurances seguros seguradora
        seguro aseguradora assicurazioni versicherung versicherungen verzekeringen asuransi""",
    "public_body": """board authority authorities agency commission office inspectorate
        directorate ministry department bureau service regulator administration secretariat
        autoridade autoridad autorite agencia agence comissao comision commissione gabinete
        oficina bureau inspecao inspeccion inspection direccao direccion direction direcao
        ministerio ministere servico servicio instituut dienst badan komisi""",
    "association": """association associations club society federation league alliance guild
        gremio gilde
        associacao asociacion associazione clube sociedade sociedad societe federacao
        federacion federation vereniging verein bond liga perhimpunan perkumpulan""",
    "union": """union unions syndicate sindicato sindicatos syndicat sindacato vakbond
        gewerkschaft serikat""",
    "chemicals": """chemicals chemical quimica quimicos quimicas chimie chimica chemie kimia""",
    "energy": """energy energia energie energi listrik power electric electricity eletrica electrica""",
    "airline": """airways airlines airline aerolineas aerolinhas linhas""",
    "leasing": """leasing lease leases rentals rental locacao arrendamento""",
    "media": """news press times post herald gazette journal tribune radio television tv
        broadcaster noticias jornal diario periodico""",
    "court": """court tribunal tribunale gericht pengadilan""",
    "party": """party partido parti partito partei""",
    "museum": """museum museu museo musee""",
    "school": """university universidade universidad universite school escola escuela
        college academy academia""",
    "hospital": """hospital hopital clinic clinica ziekenhuis""",
    "police": """police policia polizia politie polisi""",
    "institute": """institute instituto institut istituto""",
    "court_of_audit": """auditors""",
}

# type word -> kind
ORG_KINDS: dict[str, str] = {w: kind for kind, words in _KIND_WORDS.items()
                             for w in words.split()}

# Function words of names in several languages (articles, prepositions, conjunctions): never
# content tokens of a name, whatever case they are written in. Mixed-case names also show
# theirs in lower case (`resolve.written_initials`); an all-capital or headline-case name does
# not, hence this list.
ORG_FUNCTION_WORDS: frozenset[str] = frozenset(
    """of the and for on in at to by a an & de des du la le les l d do da dos das e y et und
    der die das den van het voor en del della delle dei di al el los las und fur zu dan untuk
    bagi""".split()
)

# Words after an acronym that name a part of the body, not the body ("the SPV press office"):
# "<ACR> <part word>" introduces nothing.
ORG_PART_WORDS: frozenset[str] = frozenset(
    """office press unit department desk branch team spokesman spokeswoman spokesperson
    headquarters chief president director""".split()
)

# Institutional type words by meaning, for names of one body in two languages (r16-orgs2,
# `story.orgnames.translated_names`): one concept a line, its English forms, then its forms in
# other languages (ASCII-folded, lower case; "|" between phrases; a phrase of several words is
# also matched written as one hyphenated word, "croissant-rouge"). Type words only, and a few
# qualifiers that translate without being cognates (high / haute): never a body's own name.
_TYPE_TRANSLATIONS: dict[str, tuple[str, str]] = {
    "agency": ("agency", "agence|agencia|agenzia|agentschap|agentur|badan"),
    "office": ("office|bureau", "oficina|ufficio|bureau|buro|amt|kantoor|kantor|escritorio"),
    "authority": ("authority", "autorite|autoridad|autoridade|autorita|autoriteit|behorde|"
                               "instance|otoritas"),
    "institute": ("institute", "institut|instituto|istituto|instituut|lembaga"),
    "directorate": ("directorate|direction", "direction|direccion|direccao|direcao|direzione|"
                                             "direktion|direktorat|directie"),
    "council": ("council", "conseil|consejo|conselho|consiglio|rat|raad|dewan"),
    "commission": ("commission", "commission|comision|comissao|commissione|kommission|"
                                 "commissie|komisi"),
    "committee": ("committee", "comite|comitato|komitee|comite|komite"),
    "ministry": ("ministry", "ministere|ministerio|ministero|ministerium|kementerian"),
    "library": ("library", "bibliotheque|biblioteca|bibliothek|bibliotheek|perpustakaan"),
    "hospital": ("hospital", "hopital|ospedale|krankenhaus|ziekenhuis|rumah sakit"),
    "university_hospital": ("university hospital|teaching hospital",
                            "centre hospitalier universitaire|hopital universitaire|"
                            "hospital universitario|centro hospitalar universitario|"
                            "ospedale universitario|policlinico universitario|"
                            "universitatsklinikum|universitair ziekenhuis|"
                            "rumah sakit universitas"),
    "university": ("university", "universite|universidad|universidade|universita|universitat|"
                                 "universiteit|universitas"),
    "school": ("school", "ecole|escuela|escola|scuola|schule|school|sekolah"),
    "red_crescent": ("red crescent society|red crescent",
                     "croissant rouge|media luna roja|mezzaluna rossa|roter halbmond|"
                     "crescente vermelho|bulan sabit merah|rode halve maan"),
    "red_cross": ("red cross society|red cross",
                  "croix rouge|cruz roja|croce rossa|rotes kreuz|cruz vermelha|palang merah|"
                  "rode kruis"),
    "court": ("court", "cour|tribunal|tribunale|gericht|hof|pengadilan|mahkamah"),
    "chamber": ("chamber", "chambre|camara|camera|kammer|kamer"),
    "foundation": ("foundation", "fondation|fundacion|fundacao|fondazione|stiftung|stichting|"
                                 "yayasan"),
    "federation": ("federation", "federation|federacion|federacao|federazione|federatie|"
                                 "verband"),
    "association": ("association|society", "association|asociacion|associacao|associazione|"
                                           "vereniging|verein|perkumpulan|perhimpunan"),
    "cooperative": ("cooperative", "cooperative|cooperativa|genossenschaft|cooperatie|"
                                   "koperasi"),
    "union": ("union|trade union", "syndicat|sindicato|sindacato|gewerkschaft|vakbond|serikat"),
    "party": ("party", "parti|partido|partito|partei|partij|partai"),
    "movement": ("movement", "mouvement|movimiento|movimento|bewegung|beweging|gerakan"),
    "police": ("police", "policia|polizia|polizei|politie|polisi"),
    "service": ("service", "service|servicio|servico|servizio|dienst|layanan"),
    "museum": ("museum", "musee|museo|museu|museum"),
    "conservatory": ("conservatory|conservatoire", "conservatoire|conservatorio|konservatorium"),
    "centre": ("centre|center", "centre|centro|zentrum|centrum|pusat"),
    "bank": ("bank", "banque|banco|banca|bank"),
    "high": ("high", "haute|haut|alta|alto|hoch|hohe|hoge|tinggi"),
    "higher": ("higher|supreme", "superieur|superieure|superior|superiore|supremo|suprema|"
                                 "oberste|hoger|agung"),
}
# qualifier concepts: translated words of a name that say no kind of body
TRANSLATION_QUALIFIERS: frozenset[str] = frozenset({"high", "higher"})
# concept -> [(phrase as words, is an English form)]
TYPE_TRANSLATIONS: dict[str, list[tuple[tuple[str, ...], bool]]] = {
    c: [(tuple(p.split()), True) for p in en.split("|")]
    + [(tuple(p.split()), False) for p in other.split("|")]
    for c, (en, other) in _TYPE_TRANSLATIONS.items()
}
# words of many bodies' names that tell no body from another ("National ... Agency"); a name
# pair across languages needs a paired word beside these (compared as cognates)
GENERIC_NAME_WORDS: frozenset[str] = frozenset(
    """national federal regional central general public state municipal provincial
    international republic""".split()
)
