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
