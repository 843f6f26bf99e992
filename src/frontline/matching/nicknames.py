"""Given names that are one name: diminutives, short forms and the same name in neighbouring
languages ("Bill" is William, "Sasha" is Alexander, "Zhenya" is Yevgeny).

No maintained Python package carries such a table for the cultures a border sees, so it is
written here: each group is one name; spellings inside a group are lenient spellings
(``phonetic.simplify``) so "Aleksandr" and "Alexandr" need no entries of their own.
"""

from __future__ import annotations

from frontline.matching.phonetic import simplify

__all__ = ["are_nicknames"]

_GROUPS: tuple[tuple[str, ...], ...] = (
    ("william", "bill", "billy", "will", "willy", "liam", "wilhelm", "guillaume", "guillermo"),
    ("robert", "bob", "bobby", "rob", "robbie", "bert", "roberto"),
    ("richard", "rick", "ricky", "dick", "rich", "ricardo"),
    ("james", "jim", "jimmy", "jamie", "diego", "santiago", "jaime"),
    ("john", "johnny", "jack", "jon", "juan", "jean", "johann", "johannes", "hans", "ivan",
     "vanya", "giovanni", "joao", "yahya", "ioannis", "jan"),
    ("joseph", "joe", "joey", "jose", "pepe", "giuseppe", "yosef", "iosif", "yusuf", "josef"),
    ("michael", "mike", "mick", "mikhail", "misha", "miguel", "michel", "michele", "mikael"),
    ("alexander", "alex", "aleksandr", "alexandr", "sasha", "sacha", "shura", "alejandro",
     "alessandro", "iskander", "sandro"),
    ("alexandra", "sasha", "alessandra", "alejandra", "sandra"),
    ("yevgeny", "evgeny", "evgenii", "yevgeniy", "zhenya", "eugene", "eugen", "evgeni"),
    ("dmitry", "dmitri", "dmitrii", "dima", "demetrios"),
    ("vladimir", "volodya", "vova", "volodymyr"),
    ("nikolai", "nikolay", "kolya", "nicholas", "nick", "nicky", "nicolas", "nikola", "niko"),
    ("sergei", "sergey", "serhiy", "seryozha", "sergio"),
    ("andrei", "andrey", "andriy", "andrew", "andy", "drew", "andreas", "andre", "andres"),
    ("pyotr", "petr", "peter", "pete", "pierre", "pedro", "pietro", "petro"),
    ("pavel", "pasha", "paul", "pablo", "paolo", "paulo"),
    ("stephen", "steven", "steve", "stepan", "stefan", "esteban", "stefano", "stephane"),
    ("thomas", "tom", "tommy", "tomas", "tomasz", "foma"),
    ("anthony", "tony", "antonio", "anton", "antoine", "antoni"),
    ("charles", "charlie", "chuck", "carlos", "karl", "carl", "carlo"),
    ("edward", "ed", "eddie", "ted", "ned", "eduardo", "edouard"),
    ("henry", "harry", "hank", "henri", "enrique", "heinrich", "enrico"),
    ("daniel", "dan", "danny", "danil", "daniil"),
    ("david", "dave", "davy", "dawid", "daoud", "dawood"),
    ("christopher", "chris", "kit", "cristobal", "christoph"),
    ("patrick", "pat", "paddy", "patricio"),
    ("francis", "frank", "francisco", "paco", "pancho", "francesco", "franz", "frantisek"),
    ("ignacio", "nacho"),
    ("manuel", "manolo", "manny", "emmanuel"),
    ("ibrahim", "abraham", "avraham", "abram"),
    ("suleiman", "sulayman", "solomon", "shlomo"),
    ("musa", "moses", "moshe"),
    ("isa", "jesus", "yeshua"),
    ("yaqub", "jacob", "yakov", "jakob", "jacques", "iacob", "jakub"),
    ("ismail", "ishmael", "yishmael"),
    ("elizabeth", "liz", "lizzy", "beth", "betty", "eliza", "elisabeth", "elisa", "isabel",
     "elizaveta", "liza"),
    ("katherine", "catherine", "kate", "katie", "cathy", "kathy", "ekaterina", "katya",
     "katerina", "catalina", "caterina"),
    ("margaret", "maggie", "peggy", "meg", "greta", "margarita", "rita", "marguerite"),
    ("maria", "mary", "masha", "mariya", "marie", "mariam", "maryam", "miriam"),
    ("anna", "anya", "anyuta", "ann", "anne", "annie", "hannah", "ana", "hanna"),
    ("natalia", "natasha", "natalya", "natalie", "nathalie"),
    ("anastasia", "nastya", "stacy"),
    ("tatiana", "tatyana", "tanya"),
    ("svetlana", "sveta"),
    ("lyudmila", "ludmila", "luda", "mila"),
    ("olga", "olya"),
    ("irina", "ira", "irene", "irini"),
    ("elena", "yelena", "lena", "helen", "helena", "eleni", "olena"),
    ("susan", "sue", "susie", "suzanne", "susanna"),
    ("jennifer", "jen", "jenny"),
    ("rebecca", "becky", "rivka"),
    ("deborah", "debbie", "deb", "dvora"),
    ("patricia", "patty", "trish", "tricia"),
    ("barbara", "barb", "babs"),
    ("abdullah", "abdallah", "abdulla"),
    ("abdulrahman", "abdurrahman", "abderrahmane"),
    ("mustafa", "mostafa", "moustafa"),
    ("hussein", "husayn", "hussain", "hossein", "husein"),
    ("yousef", "youssef", "yusef"),
    ("omar", "umar", "omer"),
    ("giorgi", "george", "georgy", "georgiy", "jorge", "giorgio", "georg", "yuri", "yury",
     "jurgen", "georges"),
    ("grigory", "gregory", "greg", "grisha", "gregorio"),
    ("konstantin", "kostya", "constantine", "costas", "kostas"),
    ("mohammed", "mohammad", "muhammad", "mohamed", "mehmet", "mamadou", "mohamad"),
)  # fmt: skip

_INDEX: dict[str, frozenset[int]] = {}
for _number, _group in enumerate(_GROUPS):
    for _name in _group:
        _key = simplify(_name)
        _INDEX[_key] = _INDEX.get(_key, frozenset()) | {_number}


def are_nicknames(first: str, second: str) -> bool:
    """Whether two lenient spellings are forms of one given name ("bill", "wiliam")."""
    if first == second:
        return False
    groups = _INDEX.get(first)
    return groups is not None and not groups.isdisjoint(_INDEX.get(second, frozenset()))
