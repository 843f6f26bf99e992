"""Name parts that are one name: given names and their diminutives, short forms and forms in
neighbouring languages ("Bill" is William, "Kasia" is Katarzyna, "Ioannis" is John), and
family names that romanisations write differently ("Lee", "Yi" and "Rhee" are 이; "Chou",
"Chow" and "Zhou" are 周; "Chowdhury" and "Chaudhari" are चौधरी).

No maintained Python package carries such tables for the cultures a border sees, so they are
written here, one group per line. A group is the forms of ONE name: a man's name and the
woman's name made from it are two groups (Daniel and Daniela, Jean and Jeanne), even where a
diminutive serves both (Sasha is in Alexander's group and in Alexandra's; sex tells the two
apart, not this table). Two parts are one name when some group holds both, so a form in two
groups ("Wong" is 王 and 黃) joins each of them, not the two groups to each other.

Forms are lenient spellings (``phonetic.simplify``): "Aleksandr" and "Alexandr", "Yoon" and
"Yun" need no entries of their own. Family names whose endings change (Petrov, Petrova) are
the skeleton's concern, not this table's; a kunya (Abu Bakr, Umm Kulthum) names someone
through a child and is not a nickname.
"""

from __future__ import annotations

from frontline.matching.phonetic import simplify

__all__ = ["are_given_name_forms", "are_nicknames", "are_same_surname", "name_groups"]

_GIVEN_NAMES = """
# Men's names, with their forms across Europe and the Middle East
william bill billy will willy willie liam wilhelm willi wim willem guillaume guillermo memo
  guglielmo vilhelm
robert bob bobby rob robbie bert roberto beto rab robertas
richard rick ricky dick rich richie ricardo riccardo rysiek ryszard rikard
james jim jimmy jamie jaime giacomo jacques seamus hamish iago tiago thiago santiago santi
john johnny jack jon juan juanito jean johann johannes hans hannes ivan vanya vanka giovanni
  gianni nanni vanni joao yahya ioannis yannis giannis yiannis jan janek janko honza jenda
  sean shaun ian iain evan jens johan jovan ion ioan yochanan yohanan hovhannes janos
joseph joe joey jose pepe pepito pepa pepik chepe ze zeca giuseppe beppe peppe peppino pino
  bepi yosef yossi yosi iosif osip yosyp yusuf yousef youssef yusef josef jozef jozsef jozek
  josep sepp seppl
michael mike mikey mick mickey mikhail mikhailo mykhailo misha mishka miguel michel michele
  mikael mihail mihai michal michalis mikhael mikail michiel mikkel mihaly
alexander alex aleksandr sasha sacha sascha shura shurik sanya alik alejandro alessandro
  sandro iskander iskandar aleksander oleksandr alexandros alekos xander alasdair alistair
  olek aleksa sandor alexandru sashko sashka
alexei aleksei alexey oleksiy oleksii aliaksei alyosha lyosha lesha alexios alexis
yevgeny evgeny evgenii yevgeniy yevhen zhenya eugene eugen evgeni eugenio eugeniusz
  evgenios
dmitry dmitri dmitrii dmytro dima mitya demetrios dimitrios dimitris dimitri dimitar
  demetrius dumitru
vladimir volodya vova volodymyr vlad vladimiro wlodzimierz vlada
vladislav vlad vladik wladyslaw ladislav ladislao ladislas laszlo slava
vyacheslav viacheslav slava
vaclav vasek waclaw wenceslas wenzel
nikolai nikolay kolya nicholas nick nicky nicolas nico nikola niko nikolaos nikos mykola
  mikolaj nicola nicolo niccolo klaus claus niklas nils nicolae miklos
sergei sergey serhiy seryozha serezha sergio serge sergiusz sergios
andrei andrey andriy andrew andy drew andreas andre andres andrea andrzej andrej ondrej
  ondra andrius andryusha andi jedrek
pyotr petr peter pete petya pierre pierrot pedro pietro piero petro petar piotr piotrek
  petros pere peder piet pieter boutros butrus petrus
pavel pasha paul pablo paolo paulo pawel pavlo pavlos pal paulus boulos bulus paulie
stephen steven steve stevie stepan styopa stefan esteban stefano stephane stephan stefanos
  estevao istvan szczepan stipe
thomas tom tommy tomas tomasz tomek foma tommaso thom toma tamas maso
anthony tony antonio anton antosha antoine antoni antonis antonios tonio toni tonino antal
  antonin tonda ante antek tono toninho
charles charlie chuck carlos carlitos karl carl carlo karol karel carles charly kalle
edward ed eddie ted ned eduardo lalo dudu edouard edoardo eduard edvard edek
henry harry hank hal henri enrique quique kike heinrich heinz heiner hein enrico henryk
  jindrich jindra hendrik henk henrique
daniel dan danny danil daniil danilo daniele dani
david dave davy davey dawid daoud dawood dawud daud davud davit davide dafydd dovid
christian chris cristian krystian kristian christiaan karsten carsten
christopher chris kit cristobal christoph christophe cristoforo krzysztof krzys krzysiek
  krystof christoforos kristof topher
patrick pat paddy patricio padraig patrizio patryk
francis frank frankie francisco paco pancho curro chico xico quico francesco franco cecco
  checco franz franzl frantisek franta francois franck franciszek franek ferenc frans
ignacio nacho ignatius ignazio ignace ignacy ignat ignaz
manuel manolo manu manny manel emmanuel emanuel emanuele immanuel manoel emmanouil manolis
  manos
abraham ibrahim ebrahim brahim ibragim ibrahima avraham abram avi abe
solomon suleiman sulayman sulaiman suleyman sulejman suleman souleymane salomon shlomo
moses musa moussa mousa moshe moise moises mozes moishe
jesus isa issa yeshua chucho chuy
jacob jake yaqub yakub yaqoob yakup jakup yakov yaakov yakiv yasha jakob jacques iacob jakub
  kuba jacobo jacopo iakovos jaakko yankel
ishmael ismail ismael esmail esmaeil ismoil ismayil smail yishmael
aaron aron harun haroun haroon aharon
jonah jonas yunus younes younis yonah yunes
elijah elias ilyas ilya ilia ilyusha illia eliyahu ilias elie elia ilie
zachary zach zack zak zakariya zakaria zacharias zachariah zakhar zacarias
george georgy georgiy georgi giorgi georg jorg georges giorgio jorge jerzy jiri jirka
  juraj jure gheorghe giorgos yorgos georgios jordi joris gyorgy zhora gosha heorhiy yuri
  yury yurii yura jurij girgis gerges jurji
# Jürgen and Jörg are both George, yet two German names: a group of its own
jurgen george georg jorge giorgio georgios
gregory greg grigory grisha hryhoriy grzegorz grzes grzesiek grigoris gregor gregoire grigor
  gregorio grigore
konstantin kostya kostia konstantinos kostas costas kostis constantine costantino
  konstanty kostiantyn kostyantyn constantin costel dinos ntinos
basil vasily vasiliy vasilii vasya vasyl wasyl vasilis vasileios vasil vasile basilio
  vassili vasos
victor viktor vitya wiktor vittorio vitor
vitaly vitaliy vitalii vitalik vitalie vitya
anatoly anatolii anatoliy tolya anatol anatolij anatolie
arkady arkadiy arkadii arkasha arkadiusz arek
artem artyom artemy artemiy tyoma
boris borya borys
bogdan bohdan bodya bodia bodik bodzio
vadim vadym vadik
valentin valentine valentino valya walenty valentyn
valery valeriy valerii valera walery valerio
gennady gennadiy gennadii gena henadz hennadiy
igor ihor
oleg oleh
kirill kiril kyrylo cyril cyrille cirillo kiryusha
lev leo lyova
leonid lyonya leonidas
maxim maksim maksym massimo maxime maximo maks max
maximilian max maxi maximiliano massimiliano maksymilian maximilien
nikita mykyta
roman roma romek
simon szymon shimon semyon semen simeon simone simao syoma
stanislav stanislaw stas stasik stanislas stanislao stan standa stach
timothy tim timmy timofei timofey tymofiy tymoteusz timoteo timotheus timo
theodore theo ted teddy fyodor fedor fedya feodor fedir teodor theodoros thodoris todor
  tudor teodoro
athanasios thanasis thanos athanase afanasy afanasiy atanas
panagiotis panayiotis panagiotes panos takis giotis notis
philip phil filip felipe filippo pippo philippe filipp pylyp philippos
yaroslav jaroslaw jaroslav jarek jarda slava yarik
mark marko marco marek marc marcos markus marcus
matthew matt matvei matvey matviy matteo mateo mateusz matej matthias mathias mathieu
  matthieu matias matyas mattia mateus matei maciej maciek matze hias
martin marty martino marcin martinho
luke luka luca lukas lucas luc lukasz loukas
albert al bert bertie alberto albrecht albertus beto
alfred alf alfie fred freddie alfredo
frederick fred freddie freddy fritz friedrich frieder federico fede frederic fryderyk
  bedrich fredrik
benjamin ben benji benny beniamin benjamim veniamin venya binyamin benyamin
bernard bernie bernd bernhard bernardo
donald don donnie
douglas doug
edmund ed eddie ned edmundo edmond
gerald gerry jerry
gerard gerry gerhard gerd gerardo
jeremy jerry jeremiah jeremias
jerome jerry geronimo girolamo momo hieronymus jeronimo jeroen
lawrence laurence larry lorenzo renzo enzo laurent lars lorenz lenz lauri wawrzyniec
  lavrenty lavrentiy
leonard leo len lenny leonardo leonhard
louis lou louie luis lucho luigi ludwig lutz lewis ludovic ludovico lodewijk ludwik lluis
nathaniel nat nate natanael netanel nathanael
oliver ollie olivier oliviero
raymond ray ramon raimundo mundo raimondo rajmund mon monching
ronald ron ronnie ronaldo
samuel sam sammy samuele shmuel samuil samvel
walter walt wally gualtiero walther valter gauthier
vincent vince vinny vincenzo enzo vicente vincenc wincenty vinzenz vinz
dominic dominik domenico domingo domingos mimmo memmo dom dominique
ernest ernie ernesto ernst
gabriel gabe gabriele gavriel gavril gavrilo jibril jibrail cebrail gabor
harold harry hal
herbert herb bert
hugh hugo hughie hugues ugo
isaac ike isaak itzhak yitzhak ishaq ishak isak izak isacco itzik itsik
joshua josh yehoshua yusha josue giosue
kenneth ken kenny
ralph ralf rafe raoul raul
rudolph rudolf rudi rudy rodolfo rolf rodolphe
arthur art artie arturo artur
bartholomew bart bartlomiej bartek bartolomeo bartolome bartosz
ezekiel zeke ezequiel yechezkel
gilbert gil bert gilberto
jeffrey jeff geoffrey geoff
leopold leo poldi leopoldo
percival percy
reginald reg reggie reinaldo rinaldo reynaldo
sebastian seb bastian basti sebastiano sebastien sebastiao tiao
terence terry terrence
tobias toby tobi tuvia tovia
xavier javier xabier saverio xaver
julius jules giulio julio juliusz yuliy
julian julien juliano yulian giuliano
augustus august augusto avgust gus
gustav gustaf gustavo gus gustave
raphael rafael rafa rafal raffaele lello raffaello rafail rephael
fernando nando fer ferdinand ferdinando hernando hernan fernao
alfonso alphonse afonso alonso poncho
salvador chava salva salvatore toto turi salvo
joaquin joaquim quim quino chimo joachim gioacchino jochen achim joakim
rodrigo rodri roderick rod ruy roderich
gonzalo chalo
gaetano tano cajetan kajetan cayetano
calogero lillo calo
carmelo melo
pasquale pascal pascual pasqual paschal
benedict benedetto benedikt benito bento benoit benedykt venedikt
kaspar casper caspar gaspard gaspar gaspare kacper jasper
herman hermann armando armand ermanno
konrad conrad kurt corrado kuno
dietrich dieter dirk diederik derek derrick thierry
cornelius cornelis kees korneliusz kornel
miroslav miroslaw mirek
zdenek zdenda zdenko
vojtech vojta wojciech wojtek
zbigniew zbyszek
kazimierz kazik kazio casimir kazimir
mieczyslaw mietek
czeslaw czesiek
boleslaw bolek
tadeusz tadek thaddeus tadeo taddeo
przemyslaw przemek
radoslaw radek
slawomir slawek
ludovit ludo
noah noe noach nuh
job ayub ayoub ayyub eyup iyov iov
adam adem adama
# Arabic, Persian and Turkish men's names
muhammad mohammed mohammad mohamed mohamad muhammed muhamed muhammet mahomed mehmet mamadou
  magomed mukhammad mukhammed mamed mammad mohd muhd md
ahmed ahmad ahmet akhmed achmed ahmadou
mahmoud mahmud mahmood makhmud
mustafa mostafa moustafa mustapha
hussein husayn hussain husain hossein hosein husein huseyin
omar umar omer
osman uthman othman usman usmon ousmane
khalid khaled halit
khalil halil khaleel
abdullah abdallah abdulla
abdulrahman abdurrahman abderrahmane abdelrahman
jamal gamal djamel jamel cemal
jamil gamil djamil cemil
salim selim saleem
kamal kemal kamel
rajab recep radjab
ramadan ramazan ramadhan ramzan
tawfiq tawfik tevfik toufik taufik
reza riza ridha rida reda raza
mahdi mehdi
masoud masood masud mesut
jafar jafer cafer djafar
javad jawad cevat
qasim qasem ghasem kasim kassem
ghulam gholam golam
amir emir
morteza murtaza murtada
mojtaba mujtaba
mohsen muhsin
nureddin nurettin nuraddin nuruddin
salahuddin salaheddine salahattin salaheddin
kourosh kurosh koroush cyrus
# Women's names
alexandra sasha sacha shura sanya alessandra alejandra sandra aleksandra oleksandra
  sandy ola olka
yevgenia evgenia yevgeniya evgeniya yevheniia zhenya eugenia eugenie
elizabeth liz lizzy lizzie beth betty betsy bess libby eliza elisabeth elisa elise elsa elsie
  ilse isabel isabelle isabella izabela iza chabela elizaveta yelizaveta liza lisa lise
  lisbeth liesl elisabetta betta elzbieta alzbeta erzsebet elisavet babette lisette
katherine catherine kathryn kate katie katy kathy cathy kitty ekaterina yekaterina
  katerina kateryna katya katia katja katenka katka kasia kaska katarzyna catalina
  caterina catarina kathrin katrin katharina katarina kati aikaterini katina katalin
  ekaterine kathe
margaret maggie peggy meg madge greta grete gretchen margarita rita marguerite margot
  margaux margo malgorzata gosia malgosia margareta margarete margherita ghita margit
  marketa margaryta margarida marga
mary maria masha manya marusya mariya marie mariam maryam meryem miriam marija marika
  molly polly manon marion
anna anya anyuta nyura ann anne annie annette nanette ninon nancy nan hannah hanna ana anka
  ania anushka hana hanka anicka anita
natalia natasha natalya natalie nathalie natalija natalka tasha natasa
anastasia nastya nastia stacy stasya stasia tasia anastazja
tatiana tatyana tanya tatjana tetiana
svetlana sveta svitlana lana
lyudmila ludmila liudmyla luda lyuda mila
olga olya olha
irina ira irene irini eirini iryna irena irenka
elena yelena helen helena helene hela eleni olena alena alyona alenka lenka lena ellen nell
  nellie jelena ilona
susan sue susie suzy suzanne susanna susana zuzana zuzka zuzanna zuzia shoshana zsuzsanna
  zsuzsa suzette suzon
jennifer jen jenny
jane joan jeanne jeannette jeanine janine juana giovanna gianna vanna johanna hanne joanna
  joasia asia ioana ioanna jana yana janina janet joanne
rebecca becky rivka rebeca rebekah
deborah debbie deb dvora debora devorah
patricia pat patty patsy trish tricia patrizia patrycja
barbara barb babs basia varvara varya barbora bara barbel
eve eva hawa havva evie ewa
fatima fatma fatemeh fatimah fatou fatoumata
aisha aicha ayesha ayse aishah aysha aissatou
khadija khadijah hatice hadiza khadidja kadiatou hadija
zainab zeynep zaynab zeinab zeynab
zahra zehra
amina aminah emine aminata
ruqayya rukiye rokia rukia roqaya roghayeh
sakina sakineh
jamila gamila djamila cemile
antonina tonya
valentina valya walentyna valentyna
valeria valeriya valerie lera valya
galina galya halyna halina
daria darya dasha daryna
zinaida zina
ksenia kseniya oksana ksyusha xenia ksenija
larisa larissa lara larysa
lyubov lyuba liubov lubov luba
nadezhda nadia nadya nadiya
polina polya
raisa raya
sofia sophia sophie sonya sonia sonja sofya sofiya sofie zofia zosia zsofia
yulia julia yuliya julie giulia julija julka yulya
angela angie angelika angelica angeliki anzhela aniela
alice alicia alisa alicja
caroline carolina carol carrie karolina carole karolcia
eleanor ellie nora leonor eleonora elinor leonora
emily emilia emilie emiliya emilija
harriet hattie henrietta etta enriqueta henriette
jacqueline jackie jacquie jaqueline
jessica jess jessie
judith judy jitka judit giuditta yehudit judita jutta
lucy lucia lucie luzia lucija
martha marta marthe
pamela pam
penelope penny pinelopi
rachel rachael rahel raquel rakhil rachele
esther ester estera eszter hester esti etti
vasiliki vaso vasso
fernanda nanda nandinha fernandinha
sarah sara sally sadie sarai sarita
stephanie steph stefania stefanie
victoria vicky vicki tori viktoria wiktoria vittoria viktoriya vika
agnes agnieszka aga ines inez agnese agneta
magdalena magda madeleine madeline maddie mado lena leni lenka maddalena magdalene madalena
hedwig jadwiga jadzia edwige hedvika
yvonne iwona ivonne
edith edyta edita
jolanta yolanda iolanda jola yolande
danuta danka danusia
ursula urszula ula ulla uschi orsola ursule
veronica veronika weronika vroni veronique vero
bridget brigitte brigid birgit britta gitte gitta brigida
gertrude gertrud gerda trude trudy
dorothy dorothea dora dot dottie dorota dorotka dorotea dorothee thea
frederica friederike federica frida frieda rike fryderyka
wilhelmina wilhelmine mina minna wilma guillermina
louise luisa luise louisa luiza ludwika
charlotte lotte lottie carlota carlotta
teresa tere theresa therese tereza terka resi tessa tess teresita terry
christina christine cristina kristina krystyna krysia kristyna tina christa kirsten
  kristin khristina hristina
michaela mikaela micaela mihaela michela
beatrice beatriz bea beatrix beate bia
josephine josefa pepa pepita josefina giuseppina pina peppina jozefa josefine
frances francisca paca paquita pancha fanny francesca franca franziska franzi francoise
  franciszka frantiska
guadalupe lupe lupita pita
concepcion concha conchita conchi concetta
dolores lola loli lolita dolors
mercedes merche meche
pilar pili
rosario chayo charo
consuelo chelo
soledad sole
asuncion asun
encarnacion encarna
remedios reme
inmaculada inma macu
montserrat montse
carmen carmela carmelita
jaroslava jarka
# Yoruba short forms (those that drop Oluwa-, Olu-, Chi- or Chukwu- are read in names.py)
titilayo titi
funmilayo funmi
olayinka yinka
olabisi bisi
modupe dupe
# South Asian names that two romanisations spell apart
lakshmi laxmi luxmi lakshmee
lakshman laxman lakshmana
krishna krishan kishan kishen krushna
vijay bijay bijoy vijai
vikram bikram
vinod binod
vivek bibek
vishnu bishnu
vishal bishal
vikas vikash bikash bikas
sanjay sanjoy
ajay ajoy
uday udoy
debashish debasish debasis
devendra debendra
sourav saurav saurabh sourabh
"""

_FAMILY_NAMES = """
# Korean: Revised Romanization, McCune-Reischauer and the usual passport spellings
kim gim
lee yi i rhee ri rhie
park pak bak bahk
choi choy chwe tsoi
jeong jung chung cheong joung chong
kang gang kahng
cho jo joh
yoon yun youn
jang chang
im lim yim rim
han hahn
oh o
seo suh so
shin sin shinn
kwon gwon kweon
hwang whang
ahn an
jeon jun chun chon
yoo yu ryu you rhyu ryoo
ko go koh
moon mun moun
yang ryang
son sohn
bae pae
heo huh hur her
shim sim
roh noh no ro rho
ha hah
kwak gwak kwark
sung seong
joo ju chu
woo wu u
ku gu
na ra nah
jin chin
ji chi jee
eom um uhm eum om
chae chai che
won weon
cheon chun chon cheun
bang pang
kong gong
hyun hyeon hyon hyoun
byun byeon byon pyon
yeom yum yom
yeo yuh
do toh to
seok suk sok
seon sun
seol sul sol
gil kil
pyo pyoh
myung myeong myong
ki gi kee
keum geum kum
yook yuk ryuk
kyung gyeong kyeong kyong
bong pong
namgung namkung namkoong
hwangbo hwangpo
jegal chegal
sagong sakong
seonu sunwoo sonu
dokgo tokko dokko
# Chinese: pinyin, Wade-Giles, and the Cantonese, Hokkien, Teochew and Hakka spellings of
# Hong Kong, Macau, Taiwan and South-East Asia (one line per character)
li lee lie
wang wong ong vong
zhang chang cheung cheong chong teo tiong
liu lau lao lew liew low
chen chan chin tan chern
yang yeung yeo yeoh yong young ieong
huang hwang wong ng wee ooi oei bong uy
zhao chao chiu
wu woo ng goh ngo gouw
zhou chou chow chau chew
xu hsu tsui shyu
xu hsu hui
sun suen sng
ma mah
zhu chu
guo kuo kwok kok quek kwek kuok
he ho hoh hor
gao ko koh kow
lin lam lim lum liem
lu lo loh lou
luo lo law loh lor
lu lv lui
lu luk loke lok
zheng cheng tay teh tee cheang
liang leung leong neo nio
xie hsieh tse chia cheah seah sia
song sung soong
tang tong tng
han hon
feng fung fong foong
deng teng
cao tsao tso
peng pang
zeng tseng tsang tzeng
xiao hsiao siu seow siow
tian tien tin
dong tung
pan poon phua
yuan yuen
cai tsai choi choy tsoi chua chuah
jiang chiang tseung keung kong
yu yue
du tu to
ye yeh yip ip yap yeap
cheng ching
su so soh saw
wei ngai
ding ting
ren jen yam
shen shum sum sim
cui tsui chui tsuei
zhong chung chong choong cheong
tan tam
jin chin kam
qiu chiu yau hiew
hou hau
shi shih sze sy see
kong kung
mo mok
mai mak
wen wan oon
fang fong png
ouyang auyeung auyang owyang
situ szeto seto
long lung
qian chien
xiong hsiung hung
hong hung ang
guan kuan kwan quan
lei lui
# South Asian family names that English spells several ways
chaudhary chaudhari chaudhuri choudhary choudhari choudhury chowdhury chowdhary chaudhry
  chaudhury choudhry chowdary chaudri chaudhri
agarwal agrawal aggarwal agarwala aggrawal
srivastava shrivastava srivastav shrivastav
mukherjee mukherji mukerji mukhopadhyay
banerjee banerji bannerjee banarjee bandyopadhyay bandopadhyay
chatterjee chatterji chattopadhyay
bhattacharya bhattacharjee bhattacharyya bhattacharji
ganguly ganguli gangopadhyay
upadhyay upadhyaya
tiwari tewari tiwary tewary
dubey dube
sharma sarma
verma varma
iyer ayyar aiyar aiyer
iyengar ayyangar aiyangar
naidu nayudu
pillai pillay
nair nayar
saxena saksena
thakur tagore thakoor
ghosh ghose
bose basu
dutta datta dutt
quraishi qureshi kureshi qureshy
siddiqui siddiqi siddique
"""


def _groups(table: str) -> tuple[frozenset[str], ...]:
    """One group per line of the table; an indented line continues the line above, a line
    starting with # is a comment."""
    lines: list[list[str]] = []
    for line in table.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        words = [simplify(word) for word in line.split()]
        if line.startswith(" ") and lines:
            lines[-1].extend(words)
        else:
            lines.append(words)
    return tuple(frozenset(words) for words in lines)


def _index(groups: tuple[frozenset[str], ...]) -> dict[str, frozenset[int]]:
    index: dict[str, set[int]] = {}
    for number, group in enumerate(groups):
        for name in group:
            index.setdefault(name, set()).add(number)
    return {name: frozenset(numbers) for name, numbers in index.items()}


GIVEN_NAME_GROUPS = _groups(_GIVEN_NAMES)
"""Each the lenient spellings of one given name's forms."""
FAMILY_NAME_GROUPS = _groups(_FAMILY_NAMES)
"""Each the lenient spellings of one family name's romanisations."""

_GIVEN_INDEX = _index(GIVEN_NAME_GROUPS)
_FAMILY_INDEX = _index(FAMILY_NAME_GROUPS)


def _share_group(index: dict[str, frozenset[int]], first: str, second: str) -> bool:
    if first == second:
        return False
    groups = index.get(first)
    return groups is not None and not groups.isdisjoint(index.get(second, frozenset()))


def are_given_name_forms(first: str, second: str) -> bool:
    """Whether two lenient spellings are forms of one given name ("bil", "viliam")."""
    return _share_group(_GIVEN_INDEX, first, second)


def are_same_surname(first: str, second: str) -> bool:
    """Whether two lenient spellings are romanisations of one family name ("ri", "li";
    "chou", "zhou")."""
    return _share_group(_FAMILY_INDEX, first, second)


def are_nicknames(first: str, second: str) -> bool:
    """Whether two lenient spellings are one name: forms of one given name or romanisations
    of one family name (a name part does not say which it is)."""
    return are_given_name_forms(first, second) or are_same_surname(first, second)


def name_groups(simple: str) -> tuple[str, ...]:
    """The groups a lenient spelling belongs to, as short labels ("g12", "f3"): names in
    one group share a label, so the candidate index can file nicknames together."""
    given = (f"g{number}" for number in _GIVEN_INDEX.get(simple, ()))
    family = (f"f{number}" for number in _FAMILY_INDEX.get(simple, ()))
    return (*given, *family)
