"""Name tables of the synthetic world: common given names and surnames of many cultures.

Each part is written in its own script with its usual romanisations; the first romanisation
is the one a passport of that country would print. These are common names, not people: no
combination is taken from a real individual.

The last ``RESERVED_SURNAMES`` surnames of every culture never appear on a notice; clean
travellers use only them, so a clean demo traveller never resembles a wanted person.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["CULTURES", "RESERVED_SURNAMES", "Culture", "NameOrder", "NamePart"]

RESERVED_SURNAMES = 2


@dataclass(frozen=True, slots=True)
class NamePart:
    """One given name or surname: its native form, romanisations, and (Japanese) kana."""

    native: str
    latin: tuple[str, ...] = ()
    reading: str = ""


class NameOrder(StrEnum):
    GIVEN_FIRST = "given_first"  # "Евгений Смирнов"
    FAMILY_FIRST = "family_first"  # "Nguyễn Văn An"
    FAMILY_FIRST_JOINED = "family_first_joined"  # "王伟", "김민준": no space in the script


@dataclass(frozen=True, slots=True)
class Culture:
    """How one naming culture writes names, and where its people come from.

    ``female_surnames`` (when given) are the feminine forms of ``surnames``, index by index.
    ``double_surname``: two surnames (Spanish, Portuguese), of which ``principal_surname``
    (0 first, -1 last) is the one people go by. ``mononym_per_mille``: share of people with
    a single name (Indonesian).
    """

    key: str
    script: str
    countries: tuple[str, ...]
    weight: int
    order: NameOrder
    male: tuple[NamePart, ...]
    female: tuple[NamePart, ...]
    surnames: tuple[NamePart, ...]
    female_surnames: tuple[NamePart, ...] = ()
    double_surname: bool = False
    principal_surname: int = 0
    mononym_per_mille: int = 0


def _p(native: str, *latin: str, reading: str = "") -> NamePart:
    return NamePart(native, latin, reading)


def _ps(*entries: tuple[str, ...]) -> tuple[NamePart, ...]:
    return tuple(_p(*entry) for entry in entries)


def _latin(*names: str) -> tuple[NamePart, ...]:
    """Latin-script parts written as ``"Müller/Mueller/Muller"``: native, then variants."""
    return tuple(_p(*name.split("/")) for name in names)


def _kana(*entries: tuple[str, str, tuple[str, ...]]) -> tuple[NamePart, ...]:
    return tuple(NamePart(native, latin, reading) for native, reading, latin in entries)


_GIVEN_FIRST = NameOrder.GIVEN_FIRST

# fmt: off
RUSSIAN = Culture(
    "russian", "Cyrillic", ("RUS",), 60, _GIVEN_FIRST,
    male=_ps(
        ("Евгений", "Yevgeny", "Evgeniy", "Evgenii", "Eugene"),
        ("Александр", "Aleksandr", "Alexander", "Aleksander"),
        ("Дмитрий", "Dmitry", "Dmitriy", "Dmitrii"),
        ("Сергей", "Sergey", "Sergei"),
        ("Андрей", "Andrey", "Andrei"),
        ("Алексей", "Aleksey", "Alexei", "Alexey"),
        ("Михаил", "Mikhail", "Mihail"),
        ("Юрий", "Yury", "Yuriy", "Iurii"),
        ("Николай", "Nikolay", "Nikolai"),
        ("Владимир", "Vladimir", "Wladimir"),
    ),
    female=_ps(
        ("Анна", "Anna"),
        ("Екатерина", "Yekaterina", "Ekaterina"),
        ("Наталья", "Natalya", "Natalia", "Natalja"),
        ("Ольга", "Olga"),
        ("Татьяна", "Tatyana", "Tatiana"),
        ("Юлия", "Yuliya", "Yulia", "Iuliia"),
        ("Мария", "Mariya", "Maria"),
        ("Светлана", "Svetlana"),
        ("Ксения", "Kseniya", "Ksenia"),
        ("Елена", "Yelena", "Elena"),
    ),
    surnames=_ps(
        ("Смирнов", "Smirnov"),
        ("Иванов", "Ivanov"),
        ("Кузнецов", "Kuznetsov", "Kouznetsov"),
        ("Попов", "Popov"),
        ("Соколов", "Sokolov"),
        ("Лебедев", "Lebedev"),
        ("Козлов", "Kozlov"),
        ("Новиков", "Novikov"),
        ("Морозов", "Morozov"),
        ("Волков", "Volkov", "Wolkow"),
        ("Фёдоров", "Fedorov", "Fyodorov", "Fiodorov"),
        ("Соловьёв", "Solovev", "Solovyov", "Soloviev"),
    ),
    female_surnames=_ps(
        ("Смирнова", "Smirnova"),
        ("Иванова", "Ivanova"),
        ("Кузнецова", "Kuznetsova", "Kouznetsova"),
        ("Попова", "Popova"),
        ("Соколова", "Sokolova"),
        ("Лебедева", "Lebedeva"),
        ("Козлова", "Kozlova"),
        ("Новикова", "Novikova"),
        ("Морозова", "Morozova"),
        ("Волкова", "Volkova", "Wolkowa"),
        ("Фёдорова", "Fedorova", "Fyodorova", "Fiodorova"),
        ("Соловьёва", "Soloveva", "Solovyova", "Solovieva"),
    ),
)

UKRAINIAN = Culture(
    "ukrainian", "Cyrillic", ("UKR",), 45, _GIVEN_FIRST,
    male=_ps(
        ("Олександр", "Oleksandr", "Olexandr", "Aleksandr"),
        ("Андрій", "Andrii", "Andriy", "Andrey"),
        ("Дмитро", "Dmytro", "Dmitro"),
        ("Сергій", "Serhii", "Serhiy", "Sergiy"),
        ("Богдан", "Bohdan", "Bogdan"),
        ("Тарас", "Taras"),
        ("Юрій", "Yurii", "Yuriy", "Iurii"),
        ("Василь", "Vasyl", "Vasil", "Wasyl"),
        ("Микола", "Mykola", "Mikola"),
    ),
    female=_ps(
        ("Оксана", "Oksana"),
        ("Олена", "Olena", "Elena"),
        ("Наталія", "Nataliia", "Nataliya", "Natalia"),
        ("Ірина", "Iryna", "Irina"),
        ("Тетяна", "Tetiana", "Tetyana", "Tatiana"),
        ("Юлія", "Yuliia", "Yuliya", "Yulia"),
        ("Марія", "Mariia", "Mariya", "Maria"),
        ("Ганна", "Hanna", "Ganna", "Anna"),
    ),
    surnames=_ps(
        ("Шевченко", "Shevchenko", "Schewtschenko"),
        ("Коваленко", "Kovalenko", "Kowalenko"),
        ("Бондаренко", "Bondarenko"),
        ("Ткаченко", "Tkachenko", "Tkatchenko"),
        ("Кравченко", "Kravchenko", "Krawtschenko"),
        ("Олійник", "Oliinyk", "Oliynyk", "Oleinik"),
        ("Мельник", "Melnyk", "Melnik"),
        ("Поліщук", "Polishchuk", "Polischuk"),
        ("Лисенко", "Lysenko", "Lisenko"),
        ("Бойко", "Boiko", "Boyko"),
        ("Гнатюк", "Hnatiuk", "Hnatyuk", "Gnatyuk"),
        ("Дорошенко", "Doroshenko"),
    ),
)

ARABIC = Culture(
    "arabic", "Arabic", ("EGY", "MAR", "SAU", "IRQ", "SYR"), 60, _GIVEN_FIRST,
    male=_ps(
        ("محمد", "Mohammed", "Muhammad", "Mohamad", "Mohamed"),
        ("أحمد", "Ahmed", "Ahmad"),
        ("علي", "Ali", "Aly"),
        ("حسن", "Hassan", "Hasan"),
        ("عمر", "Omar", "Umar"),
        ("يوسف", "Youssef", "Yousef", "Yusuf"),
        ("خالد", "Khaled", "Khalid"),
        ("إبراهيم", "Ibrahim", "Ebrahim"),
        ("عبد الله", "Abdullah", "Abdallah", "Abdulla"),
        ("مصطفى", "Mustafa", "Moustafa", "Mostafa"),
    ),
    female=_ps(
        ("فاطمة", "Fatima", "Fatma", "Fatimah"),
        ("عائشة", "Aisha", "Aicha", "Aysha"),
        ("مريم", "Maryam", "Mariam", "Meriem"),
        ("زينب", "Zainab", "Zeinab", "Zaynab"),
        ("نور", "Nour", "Noor", "Nur"),
        ("ليلى", "Layla", "Leila", "Laila"),
        ("سارة", "Sara", "Sarah"),
        ("خديجة", "Khadija", "Khadidja", "Khadeeja"),
        ("هدى", "Huda", "Hoda", "Houda"),
    ),
    surnames=_ps(
        ("الهاشمي", "Al-Hashimi", "Al Hashemi", "Alhashimi", "El-Hachemi"),
        ("المصري", "Al-Masri", "El-Masry", "Almasri"),
        ("حداد", "Haddad", "Hadad"),
        ("الخطيب", "Al-Khatib", "El-Khatib", "Alkhateeb"),
        ("التميمي", "Al-Tamimi", "Al Tamimi", "Altamimi"),
        ("الزهراني", "Al-Zahrani", "Alzahrani", "Al Zahrani"),
        ("بن علي", "Ben Ali", "Benali", "Bin Ali"),
        ("منصور", "Mansour", "Mansur", "Mansoor"),
        ("الشريف", "Al-Sharif", "El-Cherif", "Alsharif"),
        ("العبيدي", "Al-Obaidi", "Al-Ubaidi", "Alobaidi"),
        ("النجار", "Al-Najjar", "El-Naggar", "Najjar"),
        ("القاسم", "Al-Qasim", "Al-Kassem", "Alqasim"),
    ),
)

URDU = Culture(
    "urdu", "Arabic", ("PAK",), 25, _GIVEN_FIRST,
    male=_ps(
        ("عمران", "Imran", "Imraan"),
        ("بلال", "Bilal", "Belal"),
        ("عثمان", "Usman", "Osman", "Uthman"),
        ("فیصل", "Faisal", "Faysal"),
        ("حمزہ", "Hamza", "Hamzah"),
        ("احمد", "Ahmed", "Ahmad"),
        ("محمد", "Muhammad", "Mohammad", "Mohammed"),
    ),
    female=_ps(
        ("عائشہ", "Ayesha", "Aisha"),
        ("فاطمہ", "Fatima", "Fatimah"),
        ("صبا", "Saba"),
        ("زینب", "Zainab", "Zaynab"),
        ("حنا", "Hina", "Heena"),
        ("مہوش", "Mehwish", "Mahwish"),
    ),
    surnames=_ps(
        ("خان", "Khan"),
        ("قریشی", "Qureshi", "Kureishi", "Quraishi"),
        ("ملک", "Malik"),
        ("چوہدری", "Chaudhry", "Chaudhary", "Choudhry"),
        ("بٹ", "Butt", "Bhatt"),
        ("شیخ", "Sheikh", "Shaikh"),
        ("رضا", "Raza", "Rizza"),
        ("اعوان", "Awan"),
        ("صدیقی", "Siddiqui", "Siddiqi"),
        ("گیلانی", "Gilani", "Gillani"),
    ),
)

PERSIAN = Culture(
    "persian", "Arabic", ("IRN", "AFG"), 30, _GIVEN_FIRST,
    male=_ps(
        ("محمد", "Mohammad", "Mohammed", "Muhammad"),
        ("علی", "Ali"),
        ("رضا", "Reza"),
        ("حسین", "Hossein", "Hussein", "Hosein"),
        ("مهدی", "Mehdi", "Mahdi"),
        ("امیر", "Amir"),
        ("داریوش", "Dariush", "Daryoush"),
        ("کوروش", "Kourosh", "Kurosh", "Cyrus"),
    ),
    female=_ps(
        ("فاطمه", "Fatemeh", "Fatima"),
        ("زهرا", "Zahra"),
        ("مریم", "Maryam"),
        ("نرگس", "Narges"),
        ("شیرین", "Shirin", "Shireen"),
        ("پریسا", "Parisa"),
        ("لیلا", "Leila", "Layla"),
        ("سارا", "Sara"),
    ),
    surnames=_ps(
        ("رضایی", "Rezaei", "Rezaee", "Rezai"),
        ("محمدی", "Mohammadi", "Mohamadi"),
        ("حسینی", "Hosseini", "Hoseini", "Husseini"),
        ("احمدی", "Ahmadi"),
        ("کریمی", "Karimi", "Karimy"),
        ("موسوی", "Mousavi", "Musavi", "Moussavi"),
        ("جعفری", "Jafari", "Jaafari"),
        ("صادقی", "Sadeghi", "Sadeqi"),
        ("نوروزی", "Nowruzi", "Norouzi", "Nouroozi"),
        ("یزدانی", "Yazdani"),
    ),
)

GREEK = Culture(
    "greek", "Greek", ("GRC",), 20, _GIVEN_FIRST,
    male=_ps(
        ("Γεώργιος", "Georgios", "Giorgos", "Yiorgos"),
        ("Δημήτριος", "Dimitrios", "Dimitris", "Demetrios"),
        ("Κωνσταντίνος", "Konstantinos", "Constantinos", "Kostas"),
        ("Ιωάννης", "Ioannis", "Giannis", "Yannis"),
        ("Νικόλαος", "Nikolaos", "Nikos", "Nicholas"),
        ("Παναγιώτης", "Panagiotis", "Panayiotis"),
        ("Χρήστος", "Christos", "Hristos"),
        ("Αθανάσιος", "Athanasios", "Thanasis"),
    ),
    female=_ps(
        ("Μαρία", "Maria"),
        ("Ελένη", "Eleni", "Helen"),
        ("Αικατερίνη", "Aikaterini", "Ekaterini", "Katerina"),
        ("Βασιλική", "Vasiliki", "Vassiliki"),
        ("Σοφία", "Sofia", "Sophia"),
        ("Αναστασία", "Anastasia"),
        ("Δέσποινα", "Despoina", "Despina"),
        ("Χριστίνα", "Christina", "Hristina"),
    ),
    surnames=_ps(
        ("Παπαδόπουλος", "Papadopoulos", "Papadopulos"),
        ("Παππάς", "Pappas", "Papas"),
        ("Νικολάου", "Nikolaou", "Nicolaou"),
        ("Γεωργίου", "Georgiou", "Yiorgiou"),
        ("Οικονόμου", "Oikonomou", "Economou"),
        ("Καραγιάννης", "Karagiannis", "Karayiannis"),
        ("Βλάχος", "Vlachos", "Vlahos"),
        ("Αντωνίου", "Antoniou"),
        ("Μακρής", "Makris"),
        ("Δημητρίου", "Dimitriou", "Demetriou"),
        ("Ζαχαρίου", "Zachariou", "Zahariou"),
        ("Λαμπράκης", "Lamprakis", "Lambrakis"),
    ),
    female_surnames=_ps(
        ("Παπαδοπούλου", "Papadopoulou", "Papadopulu"),
        ("Παππά", "Pappa", "Papa"),
        ("Νικολάου", "Nikolaou", "Nicolaou"),
        ("Γεωργίου", "Georgiou", "Yiorgiou"),
        ("Οικονόμου", "Oikonomou", "Economou"),
        ("Καραγιάννη", "Karagianni", "Karayianni"),
        ("Βλάχου", "Vlachou", "Vlahou"),
        ("Αντωνίου", "Antoniou"),
        ("Μακρή", "Makri"),
        ("Δημητρίου", "Dimitriou", "Demetriou"),
        ("Ζαχαρίου", "Zachariou", "Zahariou"),
        ("Λαμπράκη", "Lamprakis", "Lambraki"),
    ),
)

HEBREW = Culture(
    "hebrew", "Hebrew", ("ISR",), 15, _GIVEN_FIRST,
    male=_ps(
        ("יוסף", "Yosef", "Yossef", "Joseph"),
        ("דוד", "David", "Dovid"),
        ("משה", "Moshe", "Moishe"),
        ("אברהם", "Avraham", "Abraham"),
        ("יצחק", "Yitzhak", "Itzhak", "Isaac"),
        ("אורי", "Uri", "Ori"),
        ("נועם", "Noam"),
        ("איתי", "Itai", "Itay"),
    ),
    female=_ps(
        ("שרה", "Sarah", "Sara"),
        ("רחל", "Rachel", "Rahel"),
        ("מרים", "Miriam", "Miryam"),
        ("נועה", "Noa", "Noah"),
        ("תמר", "Tamar"),
        ("יעל", "Yael", "Jael"),
        ("מיכל", "Michal", "Mikhal"),
        ("אסתר", "Esther", "Ester"),
    ),
    surnames=_ps(
        ("כהן", "Cohen", "Kohen", "Cohn"),
        ("לוי", "Levi", "Levy"),
        ("מזרחי", "Mizrahi", "Mizrachi"),
        ("פרץ", "Peretz", "Perez"),
        ("ביטון", "Biton", "Bitton"),
        ("דהן", "Dahan"),
        ("פרידמן", "Friedman", "Fridman"),
        ("שפירא", "Shapira", "Shapiro"),
        ("אזולאי", "Azoulay", "Azulai"),
        ("אוחיון", "Ohayon", "Ohion"),
        ("גולדברג", "Goldberg"),
        ("רוזנטל", "Rosenthal", "Rozental"),
    ),
)

CHINESE = Culture(
    "chinese", "Han", ("CHN",), 50, NameOrder.FAMILY_FIRST_JOINED,
    male=_ps(
        ("伟", "Wei"),
        ("强", "Qiang", "Chiang"),
        ("磊", "Lei"),
        ("军", "Jun", "Chun"),
        ("洋", "Yang"),
        ("勇", "Yong", "Yung"),
        ("俊杰", "Junjie", "Chun-chieh"),
        ("浩然", "Haoran", "Hao-jan"),
        ("志明", "Zhiming", "Chih-ming"),
    ),
    female=_ps(
        ("芳", "Fang"),
        ("娜", "Na"),
        ("秀英", "Xiuying", "Hsiu-ying"),
        ("敏", "Min"),
        ("静", "Jing", "Ching"),
        ("丽", "Li"),
        ("婷", "Ting"),
        ("雪梅", "Xuemei", "Hsueh-mei"),
    ),
    surnames=_ps(
        ("王", "Wang", "Wong"),
        ("李", "Li", "Lee"),
        ("张", "Zhang", "Chang", "Cheung"),
        ("刘", "Liu", "Lau"),
        ("陈", "Chen", "Chan", "Tan"),
        ("杨", "Yang", "Yeung"),
        ("黄", "Huang", "Wong", "Hwang"),
        ("赵", "Zhao", "Chao", "Chiu"),
        ("吴", "Wu", "Ng", "Goh"),
        ("周", "Zhou", "Chou", "Chow"),
        ("欧阳", "Ouyang", "Au-Yeung"),
        ("司马", "Sima", "Szuma"),
    ),
)

JAPANESE = Culture(
    "japanese", "Han", ("JPN",), 20, NameOrder.FAMILY_FIRST_JOINED,
    male=_kana(
        ("健", "ケン", ("Ken",)),
        ("大輔", "ダイスケ", ("Daisuke",)),
        ("翔太", "ショウタ", ("Shota", "Shouta", "Shōta")),
        ("拓也", "タクヤ", ("Takuya",)),
        ("浩", "ヒロシ", ("Hiroshi",)),
        ("直樹", "ナオキ", ("Naoki",)),
        ("誠", "マコト", ("Makoto",)),
        ("隆", "タカシ", ("Takashi",)),
    ),
    female=_kana(
        ("陽子", "ヨウコ", ("Yoko", "Youko", "Yōko")),
        ("恵美", "エミ", ("Emi",)),
        ("由美子", "ユミコ", ("Yumiko",)),
        ("美咲", "ミサキ", ("Misaki",)),
        ("彩", "アヤ", ("Aya",)),
        ("さくら", "サクラ", ("Sakura",)),
        ("優子", "ユウコ", ("Yuko", "Yuuko", "Yūko")),
    ),
    surnames=_kana(
        ("佐藤", "サトウ", ("Sato", "Satoh", "Satō")),
        ("鈴木", "スズキ", ("Suzuki",)),
        ("高橋", "タカハシ", ("Takahashi",)),
        ("田中", "タナカ", ("Tanaka",)),
        ("伊藤", "イトウ", ("Ito", "Itoh", "Itō")),
        ("渡辺", "ワタナベ", ("Watanabe",)),
        ("山本", "ヤマモト", ("Yamamoto",)),
        ("中村", "ナカムラ", ("Nakamura",)),
        ("小林", "コバヤシ", ("Kobayashi",)),
        ("加藤", "カトウ", ("Kato", "Katoh", "Katō")),
        ("松本", "マツモト", ("Matsumoto",)),
        ("井上", "イノウエ", ("Inoue",)),
    ),
)

KOREAN = Culture(
    "korean", "Hangul", ("KOR",), 20, NameOrder.FAMILY_FIRST_JOINED,
    male=_ps(
        ("민준", "Minjun", "Min-jun", "Min-chun"),
        ("서준", "Seojun", "Seo-jun", "Sŏ-jun"),
        ("도윤", "Doyun", "Do-yun", "To-yun"),
        ("지훈", "Jihun", "Ji-hoon", "Chi-hun"),
        ("현우", "Hyeonu", "Hyun-woo", "Hyŏn-u"),
        ("성민", "Seongmin", "Sung-min", "Sŏng-min"),
    ),
    female=_ps(
        ("서연", "Seoyeon", "Seo-yeon", "Sŏ-yŏn"),
        ("지민", "Jimin", "Ji-min", "Chi-min"),
        ("수빈", "Subin", "Su-bin"),
        ("민서", "Minseo", "Min-seo", "Min-sŏ"),
        ("지은", "Jieun", "Ji-eun", "Chi-ŭn"),
        ("하은", "Haeun", "Ha-eun", "Ha-ŭn"),
    ),
    surnames=_ps(
        ("김", "Kim", "Gim"),
        ("이", "Lee", "Yi", "Rhee"),
        ("박", "Park", "Bak", "Pak"),
        ("최", "Choi", "Choe", "Ch'oe"),
        ("정", "Jung", "Jeong", "Chung"),
        ("강", "Kang", "Gang"),
        ("조", "Cho", "Jo"),
        ("윤", "Yoon", "Yun"),
        ("장", "Jang", "Chang"),
        ("임", "Lim", "Im", "Rim"),
        ("홍", "Hong"),
        ("신", "Shin", "Sin"),
    ),
)

HINDI = Culture(
    "hindi", "Devanagari", ("IND",), 50, _GIVEN_FIRST,
    male=_ps(
        ("राहुल", "Rahul"),
        ("अमित", "Amit"),
        ("विजय", "Vijay", "Vijai"),
        ("सुरेश", "Suresh"),
        ("राजेश", "Rajesh"),
        ("अर्जुन", "Arjun", "Arjuna"),
        ("संजय", "Sanjay", "Sanjai"),
        ("आदित्य", "Aditya", "Aaditya"),
    ),
    female=_ps(
        ("प्रिया", "Priya"),
        ("अंजलि", "Anjali", "Anjalee"),
        ("सुनीता", "Sunita", "Suneeta"),
        ("पूजा", "Pooja", "Puja"),
        ("नेहा", "Neha"),
        ("लक्ष्मी", "Lakshmi", "Laxmi"),
        ("दीपिका", "Deepika", "Dipika"),
        ("कविता", "Kavita", "Kavitha"),
    ),
    surnames=_ps(
        ("शर्मा", "Sharma", "Sarma"),
        ("वर्मा", "Verma", "Varma"),
        ("गुप्ता", "Gupta"),
        ("सिंह", "Singh"),
        ("कुमार", "Kumar"),
        ("यादव", "Yadav", "Yadava"),
        ("मिश्रा", "Mishra", "Misra"),
        ("चौधरी", "Chaudhary", "Choudhury", "Chowdhury"),
        ("श्रीवास्तव", "Srivastava", "Shrivastava"),
        ("अग्रवाल", "Agarwal", "Aggarwal", "Agrawal"),
        ("त्रिपाठी", "Tripathi", "Tripathy"),
        ("बनर्जी", "Banerjee", "Banerji"),
    ),
)

THAI = Culture(
    "thai", "Thai", ("THA",), 15, _GIVEN_FIRST,
    male=_ps(
        ("สมชาย", "Somchai", "Somchay"),
        ("ประเสริฐ", "Prasert", "Prasoet"),
        ("สมศักดิ์", "Somsak"),
        ("วิชัย", "Wichai", "Vichai"),
        ("ธนากร", "Thanakorn", "Tanakorn"),
        ("อนุชา", "Anucha"),
        ("ณัฐพล", "Nattapon", "Natthaphon"),
    ),
    female=_ps(
        ("สมศรี", "Somsri", "Somsee"),
        ("มาลี", "Malee", "Mali"),
        ("สุนันทา", "Sunanta", "Sunantha"),
        ("วันเพ็ญ", "Wanpen", "Vanpen"),
        ("กาญจนา", "Kanchana", "Kanjana"),
        ("ปราณี", "Pranee", "Prani"),
        ("อรุณี", "Arunee", "Aruni"),
    ),
    surnames=_ps(
        ("ใจดี", "Jaidee", "Chaidi", "Jaidi"),
        ("สุขสวัสดิ์", "Suksawat", "Sooksawat"),
        ("ศรีสุข", "Srisuk", "Sisuk"),
        ("วงศ์สวัสดิ์", "Wongsawat", "Vongsavat"),
        ("แก้วมณี", "Kaewmanee", "Kaeomani"),
        ("บุญมา", "Boonma", "Bunma"),
        ("ทองดี", "Thongdee", "Tongdee"),
        ("รัตนพันธ์", "Rattanaphan", "Ratanapan"),
        ("พรหมมา", "Phromma", "Promma"),
        ("เพชรรัตน์", "Phetcharat", "Petcharat"),
    ),
)

TURKISH = Culture(
    "turkish", "Latin", ("TUR",), 35, _GIVEN_FIRST,
    male=_latin(
        "Mehmet/Mehmed", "Mustafa", "Ahmet/Ahmed", "Ali", "Hüseyin/Huseyin/Hueseyin",
        "İbrahim/Ibrahim", "Emre", "Murat/Murad",
    ),
    female=_latin(
        "Ayşe/Ayse/Aysche", "Fatma", "Emine", "Hatice/Hatidje", "Zeynep/Zeinep", "Elif",
        "Özlem/Oezlem/Ozlem", "Şule/Sule",
    ),
    surnames=_latin(
        "Yılmaz/Yilmaz", "Kaya", "Demir", "Şahin/Sahin/Schahin", "Çelik/Celik/Tschelik",
        "Yıldız/Yildiz", "Yıldırım/Yildirim", "Öztürk/Oeztuerk/Ozturk", "Aydın/Aydin",
        "Özdemir/Oezdemir/Ozdemir", "Güneş/Guenes/Gunes", "Kılıç/Kilic",
    ),
)

SPANISH = Culture(
    "spanish", "Latin", ("ESP", "MEX", "COL", "ARG"), 55, _GIVEN_FIRST,
    male=_latin(
        "José Luis/Jose Luis", "Juan Carlos", "Alejandro", "Javier/Xavier",
        "Miguel Ángel/Miguel Angel", "Carlos", "Jorge", "Andrés/Andres",
    ),
    female=_latin(
        "María José/Maria Jose", "Carmen", "Lucía/Lucia", "Ana Isabel", "Guadalupe",
        "Valentina", "Sofía/Sofia", "Mercedes",
    ),
    surnames=_latin(
        "García/Garcia", "Rodríguez/Rodriguez", "Martínez/Martinez", "López/Lopez",
        "González/Gonzalez", "Hernández/Hernandez", "Pérez/Perez", "Sánchez/Sanchez",
        "Ramírez/Ramirez", "Torres", "de la Cruz/De La Cruz/Delacruz", "del Valle/Del Valle",
        "Villanueva/Villanueba", "Echeverría/Echeverria/Etxeberria",
    ),
    double_surname=True,
)

PORTUGUESE = Culture(
    "portuguese", "Latin", ("BRA", "PRT"), 35, _GIVEN_FIRST,
    male=_latin(
        "João/Joao", "José/Jose", "António/Antonio/Antônio", "Francisco", "Pedro", "Lucas",
        "Gabriel", "Rafael",
    ),
    female=_latin(
        "Maria", "Ana", "Francisca", "Juliana", "Mariana", "Beatriz", "Fernanda",
        "Conceição/Conceicao",
    ),
    surnames=_latin(
        "da Silva/Silva", "dos Santos/Santos", "de Oliveira/Oliveira", "de Souza/Souza/Sousa",
        "Pereira", "Ferreira", "da Costa/Costa", "Rodrigues", "de Almeida/Almeida",
        "Carvalho", "Brandão/Brandao", "Figueiredo",
    ),
    double_surname=True,
    principal_surname=-1,
)

GERMAN = Culture(
    "german", "Latin", ("DEU", "AUT", "CHE"), 45, _GIVEN_FIRST,
    male=_latin(
        "Jürgen/Juergen/Jurgen", "Stefan/Stephan", "Thomas", "Michael", "Andreas",
        "Matthias/Mathias", "Günter/Guenter/Gunter", "Jörg/Joerg/Jorg",
    ),
    female=_latin(
        "Ursula", "Sabine", "Petra", "Monika/Monica", "Katharina/Katarina", "Jana",
        "Claudia/Klaudia", "Brigitte",
    ),
    surnames=_latin(
        "Müller/Mueller/Muller", "Schmidt/Schmitt/Schmid", "Schneider", "Fischer", "Weber",
        "Meyer/Meier/Maier", "Wagner", "Becker", "Schäfer/Schaefer/Schafer",
        "Köhler/Koehler/Kohler", "Zimmermann/Zimmerman", "Hoffmann/Hofmann",
    ),
)

FRENCH = Culture(
    "french", "Latin", ("FRA", "BEL"), 45, _GIVEN_FIRST,
    male=_latin(
        "François/Francois", "Jean-Pierre/Jean Pierre", "Stéphane/Stephane", "Jérôme/Jerome",
        "Michel", "Philippe", "Olivier", "Frédéric/Frederic",
    ),
    female=_latin(
        "Hélène/Helene", "Françoise/Francoise", "Véronique/Veronique", "Nathalie/Natalie",
        "Isabelle", "Céline/Celine", "Sylvie", "Élodie/Elodie",
    ),
    surnames=_latin(
        "Lefèvre/Lefevre/Lefebvre", "Dubois/Du Bois", "Moreau", "Laurent", "Girard",
        "Rousseau", "Fournier", "Bonnet", "Mercier", "Le Gall/Legall", "Chevalier",
        "Fontaine",
    ),
)

ENGLISH = Culture(
    "english", "Latin", ("GBR", "USA", "CAN", "AUS"), 50, _GIVEN_FIRST,
    male=_latin(
        "James/Jim", "John/Jon", "Michael", "William/Bill", "David/Dave", "Richard",
        "Thomas", "Christopher",
    ),
    female=_latin(
        "Mary", "Elizabeth/Elisabeth", "Jennifer", "Sarah/Sara", "Emily", "Margaret",
        "Jessica", "Catherine/Katherine/Kathryn",
    ),
    surnames=_latin(
        "Smith", "Johnson/Jonson", "Williams", "Brown/Browne", "Jones", "Miller",
        "Davis/Davies", "Taylor", "Wilson", "O'Brien/OBrien/O Brien", "Whitfield",
        "Pemberton",
    ),
)

ITALIAN = Culture(
    "italian", "Latin", ("ITA",), 35, _GIVEN_FIRST,
    male=_latin(
        "Giuseppe", "Giovanni", "Antonio", "Francesco", "Luca", "Marco", "Alessandro",
        "Salvatore",
    ),
    female=_latin(
        "Giulia", "Francesca", "Chiara", "Sara", "Maria Grazia", "Anna", "Rosa", "Lucia",
    ),
    surnames=_latin(
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
        "De Luca/Deluca", "D'Angelo/Dangelo/D Angelo", "Ricci", "Moretti", "Barbieri",
    ),
)

DUTCH = Culture(
    "dutch", "Latin", ("NLD",), 15, _GIVEN_FIRST,
    male=_latin("Jan", "Pieter/Peter", "Hendrik/Henk", "Willem", "Thijs", "Daan", "Sander"),
    female=_latin("Anna", "Johanna", "Femke", "Sanne", "Lotte", "Anouk", "Ingrid"),
    surnames=_latin(
        "de Vries/De Vries/Devries", "van Dijk/Van Dijk/Vandijk", "Jansen/Janssen",
        "de Jong/De Jong", "Bakker", "Visser", "van den Berg/Van den Berg/Vandenberg",
        "Smit", "Meijer/Meyer", "de Boer/De Boer", "Hoekstra", "Mulder",
    ),
)

POLISH = Culture(
    "polish", "Latin", ("POL",), 20, _GIVEN_FIRST,
    male=_latin(
        "Łukasz/Lukasz", "Krzysztof", "Piotr", "Tomasz", "Paweł/Pawel", "Michał/Michal",
        "Grzegorz", "Wojciech",
    ),
    female=_latin(
        "Agnieszka", "Małgorzata/Malgorzata", "Katarzyna", "Anna", "Joanna", "Magdalena",
        "Ewa", "Aleksandra",
    ),
    surnames=_latin(
        "Nowak", "Kowalski", "Wiśniewski/Wisniewski", "Wójcik/Wojcik", "Kowalczyk",
        "Kamiński/Kaminski", "Lewandowski", "Zieliński/Zielinski", "Szymański/Szymanski",
        "Woźniak/Wozniak", "Dąbrowski/Dabrowski", "Jankowski",
    ),
    female_surnames=_latin(
        "Nowak", "Kowalska", "Wiśniewska/Wisniewska", "Wójcik/Wojcik", "Kowalczyk",
        "Kamińska/Kaminska", "Lewandowska", "Zielińska/Zielinska", "Szymańska/Szymanska",
        "Woźniak/Wozniak", "Dąbrowska/Dabrowska", "Jankowska",
    ),
)

NIGERIAN = Culture(
    "nigerian", "Latin", ("NGA",), 30, _GIVEN_FIRST,
    male=_latin(
        "Adébáyọ̀/Adebayo", "Olúwaṣeun/Oluwaseun/Seun", "Chukwuemeka/Emeka", "Chinedu",
        "Obinna", "Abubakar/Aboubakar", "Musa", "Aminu",
    ),
    female=_latin(
        "Ngozi", "Chiamaka/Amaka", "Fúnmiláyọ̀/Funmilayo", "Adaeze/Ada", "Títílayọ̀/Titilayo",
        "Halima/Halimah", "Aisha/Aishat", "Blessing",
    ),
    surnames=_latin(
        "Okafor", "Okonkwo", "Adéyẹmí/Adeyemi", "Ọládipọ̀/Oladipo", "Bello", "Ibrahim",
        "Eze", "Nwosu", "Balógun/Balogun", "Ògúnlèyé/Ogunleye", "Ekwueme", "Olánrewájú/Olanrewaju",
    ),
)

KENYAN = Culture(
    "kenyan", "Latin", ("KEN",), 15, _GIVEN_FIRST,
    male=_latin("John", "Peter", "Joseph", "Daniel", "Brian", "Kevin", "Samuel", "Moses"),
    female=_latin("Mary", "Grace", "Faith", "Mercy", "Wanjiru", "Akinyi", "Njeri", "Achieng"),
    surnames=_latin(
        "Otieno", "Mwangi", "Kamau", "Kariuki", "Odhiambo", "Ochieng", "Njoroge", "Mutua",
        "Kiprono", "Wekesa", "Omondi", "Kimani",
    ),
)

SOUTH_AFRICAN = Culture(
    "south_african", "Latin", ("ZAF",), 20, _GIVEN_FIRST,
    male=_latin("Sipho", "Thabo", "Bongani", "Pieter", "Johannes/Johan", "Mandla", "Themba"),
    female=_latin("Nomvula", "Thandiwe/Thandi", "Lerato", "Zanele", "Palesa", "Annelie"),
    surnames=_latin(
        "Dlamini", "Nkosi", "Ndlovu", "Khumalo", "Mokoena", "van der Merwe/Van der Merwe",
        "Botha", "Naidoo", "Mthembu", "Zulu", "Pretorius", "Mahlangu",
    ),
)

FILIPINO = Culture(
    "filipino", "Latin", ("PHL",), 15, _GIVEN_FIRST,
    male=_latin("Jose", "Juan", "Mark Anthony", "John Paul", "Rodel", "Ramon", "Jerome"),
    female=_latin(
        "Maria Cristina", "Jocelyn", "Rowena", "Maricel", "Angelica", "Kristine/Christine",
    ),
    surnames=_latin(
        "Dela Cruz/De la Cruz/Delacruz", "Santos", "Reyes", "Garcia", "Bautista",
        "Mendoza", "Ocampo", "Aquino", "Castillo", "Ramos", "Macaraeg", "Dimaculangan",
    ),
)

INDONESIAN = Culture(
    "indonesian", "Latin", ("IDN",), 20, _GIVEN_FIRST,
    male=_latin("Budi/Boedi", "Agus", "Joko/Djoko", "Bambang", "Slamet", "Eko", "Hendra"),
    female=_latin("Siti", "Sri", "Dewi", "Ayu", "Rina", "Putri", "Wulan"),
    surnames=_latin(
        "Santoso/Santosa", "Wijaya/Widjaja", "Susanto/Soesanto", "Hidayat",
        "Kusuma/Koesoema", "Setiawan", "Pratama", "Saputra", "Gunawan", "Nugroho/Noegroho",
        "Hartono", "Kurniawan",
    ),
    mononym_per_mille=200,
)

VIETNAMESE = Culture(
    "vietnamese", "Latin", ("VNM",), 20, NameOrder.FAMILY_FIRST,
    male=_latin(
        "Văn An/Van An", "Minh Tuấn/Minh Tuan", "Đức Anh/Duc Anh", "Quang Huy",
        "Văn Hùng/Van Hung", "Thành Long/Thanh Long", "Hoàng Nam/Hoang Nam",
    ),
    female=_latin(
        "Thị Lan/Thi Lan", "Thị Hương/Thi Huong", "Ngọc Anh/Ngoc Anh", "Thu Trang",
        "Thị Mai/Thi Mai", "Thanh Hằng/Thanh Hang", "Phương Linh/Phuong Linh",
    ),
    surnames=_latin(
        "Nguyễn/Nguyen", "Trần/Tran", "Lê/Le", "Phạm/Pham", "Hoàng/Hoang",
        "Huỳnh/Huynh", "Phan", "Vũ/Vu", "Võ/Vo", "Đặng/Dang", "Lương/Luong", "Tạ/Ta",
    ),
)
# fmt: on

CULTURES: tuple[Culture, ...] = (
    RUSSIAN,
    UKRAINIAN,
    ARABIC,
    URDU,
    PERSIAN,
    GREEK,
    HEBREW,
    CHINESE,
    JAPANESE,
    KOREAN,
    HINDI,
    THAI,
    TURKISH,
    SPANISH,
    PORTUGUESE,
    GERMAN,
    FRENCH,
    ENGLISH,
    ITALIAN,
    DUTCH,
    POLISH,
    NIGERIAN,
    KENYAN,
    SOUTH_AFRICAN,
    FILIPINO,
    INDONESIAN,
    VIETNAMESE,
)
