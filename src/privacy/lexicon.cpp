#include "privacy/lexicon.hpp"

#include "privacy/extracted_names.hpp"
#include "privacy/french_words.hpp"
#include "privacy/latin_letters.hpp"
#include "privacy/place_names.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_set>
#include <vector>

namespace vigie::privacy::lexicon {

namespace {

using Set = std::unordered_set<std::string_view>;

const Set& titles() {
  static const Set s{"mme", "madame", "mlle", "mademoiselle", "monsieur", "mr", "m", "mrs", "ms",
                     "miss", "mister", "sr", "sra", "senor", "senora", "dona", "don",
                     // Haitian Creole and Thai forms of address: "Madanm Joseph", "Nong May".
                     "madanm", "nong", "me", "mesye",
                     // a lawyer's: "Maître Ruiz"
                     "maitre"};
  return s;
}

const Set& determiners() {
  static const Set s{"le", "la",    "les", "l",  "un",  "une",  "du",    "des",   "de", "d",
                     "ce", "cette", "son", "sa", "ses", "leur", "notre", "votre", "the"};
  return s;
}

const Set& name_cues() {
  static const Set s{"prenommee", "prenomme", "prenommees", "prenommes", "surnommee", "surnomme",
                     "surnom", "nommee", "nomme", "denommee", "denomme", "appelee", "appele",
                     "appelle", "appelait", "appelaient", "appeler", "alias", "dite", "dit",
                     "prenom", "nom", "patronyme", "identite", "pseudonyme",
                     // "le gars qu'elles appellent « Papito »", "on le surnomme « Boss »"
                     "appellent", "surnomment", "surnommaient", "nomment", "nommaient",
                     // English, Portuguese, Spanish: "a smuggler called Filmon", "se chama X"
                     "called", "named", "nicknamed", "aka", "chama", "llama", "chamava",
                     // a passport's or a card's labels: "Surname: OKORO", "Nume/Nom : POPESCU"
                     "surname", "surnames", "forename", "forenames", "names", "nume", "prenume",
                     "apellido", "apellidos", "sobrenome", "cognome", "nachname", "vorname",
                     // Albanian: "Mbiemri KOLA / Emri Elona"
                     "mbiemri", "emri",
                     // Haitian Creole, Spanish and Portuguese: "Ti fi a rele Wideline", "le
                     // dicen el Paisa", "un tipo llamado Jhon"
                     "rele", "dicen", "llamado", "llamada", "apodo", "chamado", "chamada"};
  return s;
}

const Set& relation_cues() {
  static const Set s{
      "fille", "fils", "soeur", "frere", "mere", "pere", "mari", "epouse", "epoux", "compagnon",
      "compagne", "conjoint", "conjointe", "concubin", "concubine", "cousin", "cousine", "tante",
      "oncle", "neveu", "niece", "ami", "amie", "copain", "copine", "patron", "patronne",
      "employeur", "employeuse", "proxenete", "mama", "madam", "maquerelle", "logeur", "logeuse",
      "passeur", "passeuse", "recruteur", "recruteuse", "boss", "fiance", "fiancee", "beau-frere",
      "belle-soeur", "grand-mere", "grand-pere", "bebe", "enfant", "garcon", "petite-fille",
      "petit-fils", "victime", "jeune", "certain", "certaine", "chauffeur", "cuisinier",
      "cuisiniere", "gerant", "gerante", "voisin", "voisine", "collegue", "intermediaire",
      "hebergeur", "hebergeuse", "client", "cliente", "temoin", "contremaitre", "nounou",
      "belle-mere", "beau-pere", "demi-frere", "demi-soeur", "fiance", "amoureux", "petit-ami",
      "copain", "marraine", "parrain", "trafiquant", "trafiquante", "exploiteur", "exploiteuse",
      "chef", "complice", "amies", "amis", "soeurs", "freres", "cousines", "cousins", "filles",
      "copines", "copains", "collegues", "compatriotes", "enfants", "voisines", "voisins",
      // notes written in English: "her brother Selemon", "a smuggler called Filmon"
      "brother", "sister", "husband", "wife", "boyfriend", "girlfriend", "son", "daughter",
      "mother", "father", "uncle", "aunt", "cousin", "smuggler", "trafficker", "pimp", "employer",
      "friend", "partner", "mec", "tonton", "tata", "tantie",
      // Spanish and Portuguese bosses, "l'agent à Jalandhar, Harjit", "la dame au téléphone, Cida"
      "capataz", "jefe", "chefe", "dono", "patrao", "encargado", "agent", "dame", "femme",
      // "du clan Kelmendi": a lineage points at a family
      "clan",
      // "le « rabatteur » Serge", "son protecteur Dylan"
      "rabatteur", "rabatteuse", "protecteur", "maquereau", "pimp", "mami", "maman", "proprio",
      "proprietaire", "bailleur", "bailleuse", "homme"};
  return s;
}

const Set& first_names() {
  static const Set s{
      // French
      "marie", "jeanne", "francoise", "monique", "catherine", "nathalie", "isabelle", "sylvie",
      "sophie", "julie", "camille", "lea", "manon", "chloe", "emma", "ines", "sarah", "laura",
      "pauline", "marion", "lucie", "anais", "oceane", "emilie", "melanie", "aurelie", "celine",
      "sandrine", "valerie", "christine", "veronique", "stephanie", "elodie", "audrey", "jessica",
      "amandine", "justine", "clara", "alice", "louise", "jade", "lina", "zoe", "nina", "eva",
      "jean", "pierre", "michel", "philippe", "alain", "nicolas", "christophe", "patrick",
      "laurent", "frederic", "olivier", "eric", "thomas", "julien", "david", "stephane",
      "sebastien", "kevin", "maxime", "alexandre", "antoine", "romain", "lucas", "hugo", "louis",
      "gabriel", "arthur", "jules", "paul", "mathieu", "vincent", "francois", "jerome", "cedric",
      "yann", "theo", "enzo", "mathis", "noah", "adam", "leo", "raphael", "jean-pierre",
      "jean-paul", "marie-claire", "anne-marie", "jean-baptiste", "marc", "luc", "andre",
      // Maghreb, Middle East
      "mohamed", "mohammed", "ahmed", "ali", "karim", "youssef", "yassine", "mehdi", "samir",
      "rachid", "khalid", "omar", "hamza", "bilal", "ibrahim", "ismael", "amine", "nabil", "fatima",
      "fatma", "khadija", "aicha", "aisha", "amina", "leila", "leyla", "nadia", "samira", "yasmine",
      "yamina", "malika", "naima", "houria", "zineb", "meriem", "myriam", "salma", "soraya",
      "farida", "hafsa", "rania", "sofia", "hakim", "walid", "tarek", "sami", "mustafa", "mustapha",
      "hassan", "hussein", "abdel", "abdelkader", "abdoulaye",
      // West and Central Africa
      "blessing", "joy", "precious", "faith", "gift", "favour", "favor", "mercy", "peace",
      "happiness", "success", "princess", "glory", "goodness", "comfort", "patience", "osas",
      "osaro", "efe", "ese", "eki", "ivie", "uyi", "osagie", "omoruyi", "nosa", "isoken", "ngozi",
      "chioma", "chidinma", "adaeze", "amaka", "nkechi", "ifeoma", "uchenna", "obinna", "chinedu",
      "emeka", "tunde", "bisi", "funmi", "yetunde", "kemi", "titi", "shade", "bola", "aminata",
      "fatoumata", "mariam", "mariama", "awa", "adama", "kadiatou", "oumou", "bintou", "djeneba",
      "assetou", "rokia", "salimata", "kadi", "mamadou", "moussa", "ousmane", "seydou", "boubacar",
      "souleymane", "lamine", "ibrahima", "cheikh", "modou", "aliou", "kofi", "kwame", "ama",
      "akosua", "yaw", "esi", "abena", "grace", "gloria", "esther", "ruth", "rebecca", "deborah",
      "rachel", "naomi", "miriam", "hannah", "christiana", "christelle", "prisca", "merveille",
      "divine", "exauce", "benedicte", "gladys", "josiane", "brigitte", "pelagie", "clarisse",
      "solange", "jeannette", "odette", "honorine",
      // Eastern Europe, Balkans
      "ionut", "ion", "ioana", "andreea", "alexandra", "elena", "mihaela", "cristina", "daniela",
      "florin", "marius", "gheorghe", "vasile", "constantin", "bogdan", "adrian", "catalin",
      "mirela", "ramona", "roxana", "simona", "alina", "oana", "irina", "natalia", "natasha",
      "olga", "svetlana", "tatiana", "anastasia", "ekaterina", "yulia", "oksana", "vera", "dragan",
      "milan", "goran", "zoran", "jelena", "ivana", "dragana", "marija", "mirko", "petar", "stefan",
      "nikola", "dimitri", "dimitar", "georgi", "ivan", "sergei", "sergey", "andrei", "andriy",
      "viktor", "vladimir", "dmitri", "aleksandr", "fatjon", "arben", "besnik", "blerta", "elira",
      "florian", "kristian", "valentina",
      // Latin America, Iberia, Brazil
      "maria", "ana", "juana", "carmen", "rosa", "lucia", "fernanda", "gabriela", "daniela",
      "adriana", "patricia", "paola", "camila", "valeria", "ximena", "luz", "yesenia", "yolanda",
      "marisol", "mariana", "juliana", "larissa", "thais", "leticia", "bruna", "priscila", "jose",
      "juan", "carlos", "luis", "miguel", "jorge", "pedro", "diego", "andres", "alejandro",
      "fernando", "ricardo", "rodrigo", "rafael", "thiago", "joao", "paulo", "marcos", "edson",
      "wellington", "kelly", "jenifer", "jennifer", "katherine",
      // Asia
      "mei", "li", "ling", "lin", "xiao", "wei", "jing", "yan", "hua", "fang", "ying", "lan",
      "hong", "ping", "min", "hui", "zhang", "wang", "chen", "liu", "nguyen", "thi", "linh",
      "huong", "mai", "thanh", "minh", "tuan", "anh", "hoa", "trang", "phuong", "lan", "ngoc",
      "xiaoling", "xiaomei", "xiaoyan", "xiaohong", "xiaoli", "xiaoping", "xiaojun", "xiaowei",
      "lihua", "meili", "meiling", "jingjing", "lili", "yanyan", "huimin", "yuling", "xiuying",
      "guiying", "xiulan", "yumei", "jinhua", "haiyan", "chunmei", "fenfang", "lijuan", "tingting",
      "qiang", "xiaodong", "jianguo", "zhiwei", "huong", "hang", "hanh", "thuy", "dung", "nhung",
      "priya", "anjali", "pooja", "rani", "sunita", "ravi", "raj", "arjun", "rahul", "maricel",
      "rosalie", "jocelyn", "analyn", "marites", "lorna", "jasmin",
      // English-speaking
      "john", "james", "michael", "peter", "george", "william", "emily", "jessica", "ashley",
      "amanda", "samantha", "elizabeth", "victoria", "charlotte", "olivia", "sophia", "mia",
      "linda", "susan", "helen", "margaret", "dorothy", "betty",
      // Eritrea and Ethiopia (Tigrinya, Amharic, Oromo), as French and English papers spell them
      "dawit", "tigist", "meron", "filmon", "tesfay", "tesfaye", "tekle", "mulugeta", "haile",
      "selamawit", "senait", "saba", "semhar", "mebrat", "mebrahtu", "yonas", "yohannes", "tewolde",
      "berhane", "berhe", "kidane", "kibrom", "habtom", "ghebre", "ghirmay", "abrehet", "almaz",
      "azeb", "hiwet", "letensae", "luwam", "nebiat", "rahel", "ruta", "samrawit", "tsega",
      "tsehay", "yordanos", "zewdi", "abebe", "alemu", "amanuel", "biniam", "eyob", "fitsum",
      "getachew", "girma", "henok", "kaleb", "mekonnen", "natnael", "robel", "samuel", "tamrat",
      "tsegaye", "yared", "yosef", "dereje", "gebre", "meseret", "hirut", "bethlehem", "mahlet",
      "feven", "kidist", "lemlem", "mihret", "tirhas", "weyni", "winta", "selemon", "medhanie",
      "ermias", "awet", "negasi",
      // South Asia: Bangladesh, Pakistan, Afghanistan, Punjab, Tamil Nadu and Sri Lanka
      "asif", "rafiqul", "shafiqul", "aminul", "saiful", "rezaul", "mizanur", "habibur", "mahbub",
      "jahangir", "alamgir", "kamrul", "nazrul", "shahidul", "monirul", "faruk", "faruque", "anwar",
      "imran", "irfan", "kashif", "tariq", "zahid", "shahid", "sajid", "waqas", "usman", "bilawal",
      "naveed", "nadeem", "adnan", "arshad", "javed", "pervez", "shoaib", "zubair", "ajmal",
      "wahid", "habib", "nasir", "rahim", "rahman", "karimullah", "hamid", "mirwais", "naqibullah",
      "sharifullah", "zabihullah", "ahmad", "jawad", "farid", "gul", "shabnam", "nasrin", "taslima",
      "rokeya", "shirin", "parveen", "nazia", "sadia", "farzana", "rubina", "gurpreet", "harjit",
      "jaspreet", "manpreet", "harpreet", "kuldeep", "sukhwinder", "baljit", "amrit", "tharshan",
      "tharshini", "sivakumar", "kumar", "murugan", "selvam", "kannan", "thiru", "suresh", "ramesh",
      "ganesh", "jeyakumar", "nirosha", "tharani",
      // Maghreb spellings and Gulf and Levant forms
      "mhamed", "abdelilah", "abdelhak", "abdellatif", "abdeslam", "abderrahim", "abdelaziz",
      "abdelmajid", "abdelhamid", "abdessamad", "lahcen", "hicham", "brahim", "driss", "mounir",
      "mourad", "nourredine", "noureddine", "slimane", "tahar", "lakhdar", "bouzid", "khaira",
      "kheira", "fadila", "fatiha", "hayat", "jamila", "karima", "latifa", "loubna", "nawal",
      "ouafa", "rachida", "saida", "souad", "wafa", "zahra", "zohra", "zoubida", "mahmoud",
      "abdelrahman", "abdallah", "abdullah", "khaled", "yasser", "majid", "fares",
      // Nigeria (Edo, Igbo, Yoruba native names), Cameroon, Congo
      "efosa", "ehi", "ehimwenma", "osaretin", "osasere", "eghosa", "itohan", "uwa", "osahon",
      "omosede", "iyobosa", "ekinadose", "nosakhare", "aisosa", "ehiosun", "izogie", "oghogho",
      "chinonso", "chukwuemeka", "ebuka", "ikenna", "nnamdi", "onyeka", "adaobi", "ngozika",
      "oluwaseun", "olamide", "adewale", "adebayo", "abiodun", "folake", "temitope", "damilola",
      "nsimba", "kiese", "mukendi", "muke", "kabila", "ilunga", "kalonji", "mbuyi", "ntumba",
      "tshilombo", "lukusa", "nzuzi", "makiese", "mbala", "kamga", "fotso", "ngono", "mbarga",
      "nkolo", "tchoupo", "kenfack", "djoko"};
  return s;
}

// Nationalities and peoples, folded, masculine singular; demonym() adds the other forms.
// "Romain", "Germain", the regions' words ("Normand", "Breton", "Picard") and peoples' names
// that are also first names ("Mina", "Luba", "Han") are left out: they name persons too.
const Set& demonym_stems() {
  static const Set s{
      "afghan", "albanais", "algerien", "allemand", "americain", "angolais", "argentin", "armenien",
      "australien", "autrichien", "azerbaidjanais", "bangladais", "bangladeshi", "belge",
      "beninois", "bielorusse", "birman", "bolivien", "bosnien", "bosniaque", "bresilien",
      "britannique", "bulgare", "burkinabe", "burundais", "cambodgien", "camerounais", "canadien",
      "capverdien", "centrafricain", "chilien", "chinois", "chypriote", "colombien", "comorien",
      "congolais", "coreen", "croate", "cubain", "danois", "djiboutien", "dominicain", "egyptien",
      "equatorien", "erythreen", "espagnol", "estonien", "ethiopien", "europeen", "finlandais",
      "francais", "gabonais", "gambien", "georgien", "ghaneen", "grec", "grecque", "guatemalteque",
      "guineen", "guyanais", "haitien", "hondurien", "hongrois", "indien", "indonesien", "irakien",
      "iranien", "irlandais", "israelien", "italien", "ivoirien", "jamaicain", "japonais",
      "jordanien", "kazakh", "kenyan", "kirghize", "kosovar", "kosovien", "koweitien", "laotien",
      "letton", "libanais", "liberien", "libyen", "lituanien", "macedonien", "malgache",
      "malaisien", "malien", "maltais", "marocain", "mauricien", "mauritanien", "mexicain",
      "moldave", "mongol", "montenegrin", "mozambicain", "namibien", "nepalais", "nicaraguayen",
      "nigerian", "nigerien", "norvegien", "omanais", "ougandais", "ouzbek", "pakistanais",
      "palestinien", "paraguayen", "neerlandais", "hollandais", "peruvien", "philippin", "polonais",
      "portugais", "qatari", "roumain", "russe", "rwandais", "salvadorien", "saoudien",
      "senegalais", "serbe", "sierraleonais", "singapourien", "slovaque", "slovene", "somalien",
      "soudanais", "srilankais", "suedois", "suisse", "syrien", "tadjik", "tanzanien", "tchadien",
      "tcheque", "tchetchene", "thailandais", "thai", "togolais", "tunisien", "turc", "turque",
      "turkmene", "ukrainien", "uruguayen", "venezuelien", "vietnamien", "yemenite", "zambien",
      "zimbabween", "maghrebin", "africain", "asiatique", "arabe", "sahelien", "mahorais",
      "reunionnais", "guadeloupeen", "martiniquais", "antillais", "caledonien", "polynesien",
      "ouest-africain", "subsaharien", "est-europeen", "latino-americain", "sud-americain",
      // peoples met in the field
      "hazara", "pachtoune", "pachtoun", "pashtoun", "baloutche", "tamoul", "cingalais", "pendjabi",
      "sikh", "bengali", "rohingya", "ouighour", "kurde", "yezidi", "peul", "peuhl", "wolof",
      "bambara", "soninke", "malinke", "dioula", "mandingue", "toucouleur", "haoussa", "yoruba",
      "igbo", "ibo", "edo", "bini", "bamileke", "bassa", "ewondo", "akan", "ashanti", "ewe",
      "baoule", "senoufo", "diola", "serere", "touareg", "berbere", "amazigh", "kabyle", "chaoui",
      "rifain", "chleuh", "sahraoui", "tigre", "tigrinya", "amhara", "oromo", "somali", "afar",
      "nuer", "dinka", "zaghawa", "masalit", "rom", "rrom", "tsigane", "gitan", "manouche",
      "yeniche", "sinti", "hmong", "kinh", "tagalog", "quechua", "aymara", "creole"};
  return s;
}

const Set& not_names() {
  static const Set s{
      // Institutions, services, organisations, roles
      "consult", "prefecture", "prefet", "prefete", "sous-prefecture", "parquet", "procureur",
      "procureure", "tribunal", "cour", "judiciaire", "police", "gendarmerie", "brigade",
      "commissariat", "ocrteh", "ocltieh", "oclti", "ofpra", "ofii", "cnda", "ase", "cada", "chrs",
      "huda", "siao", "samu", "sos", "miprof", "cncdh", "defenseur", "droits", "ministere",
      "ministre", "direction", "dreets", "ddets", "inspection", "travail", "urssaf", "caf", "cpam",
      "pmi", "mairie", "ville", "conseil", "departemental", "departement", "region", "regional",
      "association", "fondation", "collectif", "comite", "amicale", "nid", "croix", "rouge",
      "secours", "populaire", "catholique", "france", "terre", "asile", "cimade", "gisti",
      "mission", "service", "services", "office", "centre", "center", "hopital", "maison", "foyer",
      "hotel", "ibis", "formule", "accor", "airbnb", "booking", "uber", "deliveroo", "justice",
      "interieur", "etat", "republique", "francaise", "national", "nationale", "union",
      "europeenne", "europe", "onu", "oim", "iom", "unicef", "greta", "oit", "ilo", "afp", "agence",
      "aide", "sociale", "enfance", "protection", "judiciaire", "juge", "juges", "enfants",
      "avocat", "avocate", "maitre", "me", "dr", "docteur", "professeur", "pole", "emploi",
      "medecins", "monde", "frontieres", "habitat", "humanisme", "emmaus", "cgt", "cfdt", "fo",
      "unsa", "sud", "solidaires", "syndicat", "hors", "la", "rue", "ligue", "lhdh", "ldh", "acse",
      "alc", "aftc", "ccem", "oppc", "pac", "plan", "axe", "mesure", "action", "code", "penal",
      "article", "loi", "decret", "circulaire", "jo", "jop", "jeux", "olympiques", "paralympiques",
      "paris", "coupe", "monde", "rugby", "covid", "noel", "paques", "ramadan", "toussaint", "tva",
      "rsa", "ame", "puma", "cmu", "titre", "sejour", "carte", "passeport", "recepisse", "aps",
      "ts", "vls", "cni",
      // More countries, cities and regions of origin and transit met in notes
      "sri", "lanka", "iran", "irak", "syrie", "turquie", "istanbul", "izmir", "ankara", "dubai",
      "qatar", "liban", "egypte", "soudan", "erythree", "ethiopie", "somalie", "tchad", "gambie",
      "sierra", "leone", "liberia", "togo", "burkina", "faso", "ouagadougou", "lome", "accra",
      "kumasi", "enugu", "ibadan", "kano", "delta", "anambra", "imo", "ogun", "durres", "tirana",
      "shkoder", "pristina", "belgrade", "chisinau", "kiev", "kyiv", "odessa", "kharkiv", "moscou",
      "minsk", "pologne", "varsovie", "sofia-ville", "constanta", "iasi", "craiova", "timisoara",
      "cluj", "galati", "brasov", "pekin", "shanghai", "wenzhou", "fujian", "hanoi", "saigon", "ho",
      "chi", "manille", "manila", "colombo", "jaffna", "kaboul", "kabul", "islamabad", "lahore",
      "karachi", "dacca", "dhaka", "bogota", "medellin", "lima", "caracas", "quito", "goiania",
      "sao", "paulo-ville", "rio", "janeiro", "bahia", "recife", "brasilia", "fortaleza", "mexico",
      "haiti", "port-au-prince", "cuba", "equateur", "bolivie", "paraguay", "argentine", "chili",
      "tunis", "alger", "oran", "casablanca", "rabat", "tanger", "fes", "marrakech", "oujda",
      "ceuta", "melilla", "espagnol", "italien", "grece", "athenes", "malte", "sicile", "calabre",
      "vintimille", "menton", "briancon", "hendaye", "irun", "cherbourg", "ouistreham",
      // Organisations of the field without a word that says so
      "aurore", "coallia", "adoma", "samusocial", "ecpat", "oppelia", "afj", "agir", "acse",
      "koutcha", "sonacotra", "emmaus", "sentinelles", "ruelle", "mouvement", "captifs",
      "liberation", "voix", "ipsos", "vinci", "bouygues", "eiffage", "carrefour", "auchan", "lidl",
      "amazon", "leboncoin", "wannonce", "mercedes", "renault", "peugeot", "toyota", "volkswagen",
      "citroen", "ford", "fiat", "dacia", "opel", "bmw", "audi", "skoda", "tesla", "western",
      "moneygram", "ria", "wave", "orange", "sfr", "bouygues-telecom", "lycamobile", "lebara",
      "amnesty", "international", "internationale", "info", "infos", "restos", "resto", "rungis",
      "vigie",
      // Agencies, platforms and brands named by one word, and European cities of transit
      "frontex", "interpol", "europol", "eurojust", "pharos", "cnil", "anef", "ants", "dgef",
      "spip", "pjj", "vinted", "shein", "temu", "aliexpress", "ebay", "zara", "primark", "bolt",
      "heetch", "glovo", "stuart", "justeat", "flixbus", "blablacar", "ouigo", "sncf", "ratp",
      "paypal", "lydia", "revolut", "worldremit", "remitly", "taptap", "viber", "wechat",
      "schengen", "dublin", "geneve", "berlin", "rome", "turin", "naples", "lisbonne", "porto",
      "barcelone", "amsterdam", "rotterdam", "anvers", "liege", "munich", "francfort", "zurich",
      "bale", "lausanne", "luxembourg", "manchester", "birmingham", "glasgow", "oslo", "stockholm",
      "copenhague", "helsinki", "prague", "budapest", "bratislava", "ljubljana", "zagreb",
      "sarajevo", "skopje", "podgorica", "thessalonique", "varsovie", "cracovie", "palerme",
      "catane", "bari", "genes", "solidarite", "nigeria", "nigeriane", "nigerians", "nigerianes",
      "roumanie", "roumaine", "roumain", "bulgarie", "bulgare", "chine", "chinoise", "chinois",
      "bresil", "bresilienne", "bresilien", "colombie", "colombienne", "venezuela", "venezuelienne",
      "perou", "peruvienne", "maroc", "marocaine", "marocain", "algerie", "algerienne", "algerien",
      "tunisie", "tunisienne", "cote", "d'ivoire", "ivoire", "ivoirienne", "ivoirien", "cameroun",
      "camerounaise", "guinee", "guineenne", "senegal", "senegalaise", "mali", "malienne", "congo",
      "congolaise", "rdc", "ghana", "ghaneenne", "albanie", "albanaise", "kosovo", "serbie",
      "vietnam", "vietnamienne", "vietnamien", "philippines", "philippine", "inde", "indienne",
      "pakistan", "bangladesh", "afghanistan", "afghane", "ukraine", "ukrainienne", "russie",
      "russe", "moldavie", "moldave", "hongrie", "hongroise", "espagne", "italie", "belgique",
      "allemagne", "royaume-uni", "londres", "bruxelles", "madrid", "lagos", "benin", "edo",
      "abuja", "bucarest", "dakar", "abidjan", "bamako", "conakry", "kinshasa", "douala", "yaounde",
      "libye", "tripoli", "niger", "agadez", "lampedusa", "afrique", "asie", "amerique", "latine",
      "sud", "nord", "est", "ouest", "centre", "francais", "francaises", "europeen", "europeenne",
      "africaine", "africain", "eurostar",
      // French places (regions, départements, big cities, districts)
      "ile-de-france", "seine-saint-denis", "saint-denis", "hauts-de-seine", "val-de-marne",
      "val-d'oise", "essonne", "yvelines", "seine-et-marne", "marseille", "lyon", "toulouse",
      "nice", "nantes", "strasbourg", "montpellier", "bordeaux", "lille", "rennes", "reims",
      "toulon", "grenoble", "dijon", "angers", "nimes", "villeurbanne", "clermont-ferrand",
      "aix-en-provence", "brest", "tours", "amiens", "limoges", "annecy", "perpignan", "besancon",
      "orleans", "metz", "rouen", "mulhouse", "caen", "nancy", "argenteuil", "montreuil", "roubaix",
      "tourcoing", "avignon", "poitiers", "pau", "calais", "dunkerque", "cayenne", "guyane",
      "mayotte", "mamoudzou", "reunion", "guadeloupe", "martinique", "corse", "ajaccio", "bastia",
      "bouches-du-rhone", "alpes-maritimes", "rhone", "gironde", "haute-garonne", "nord",
      "pas-de-calais", "bretagne", "normandie", "occitanie", "provence-alpes-cote", "azur",
      "auvergne-rhone-alpes", "hauts-de-france", "grand", "nouvelle-aquitaine", "pays", "loire",
      "bourgogne-franche-comte", "centre-val", "aubervilliers", "saint-ouen", "bobigny", "pantin",
      "bondy", "aulnay-sous-bois", "sevran", "creteil", "vitry-sur-seine", "ivry-sur-seine",
      "nanterre", "colombes", "clichy", "gennevilliers", "versailles", "evry", "cergy", "meaux",
      "melun", "roissy", "orly", "charles-de-gaulle", "barbes", "pigalle", "stalingrad",
      "belleville", "chateau", "rouge", "porte", "chapelle", "goutte", "d'or", "bois", "boulogne",
      "vincennes", "gare", "lyon", "est", "montparnasse", "bercy", "chatelet", "halles",
      "republique", "bastille", "nation", "strasbourg-saint-denis", "marais", "champs-elysees",
      "defense", "port", "aeroport", "metro", "rer", "ligne", "station", "quartier", "zone",
      "arrondissement", "commune", "canton", "village", "cite", "lycee", "college", "ecole",
      "universite", "eglise", "mosquee", "temple", "parc", "jardin", "marche", "chantier",
      "restaurant", "salon", "bar", "boite", "club", "entreprise", "societe", "sarl", "sas",
      "ferme", "exploitation", "vignoble", "vendanges",
      // Months, days
      "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
      "octobre", "novembre", "decembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
      "samedi", "dimanche",
      // Sentence-start and heading words often capitalised
      "elle", "il", "elles", "ils", "nous", "vous", "on", "je", "tu", "lui", "leur", "ce", "cet",
      "cette", "ces", "les", "le", "une", "un", "des", "du", "de", "au", "aux", "en", "dans", "par",
      "pour", "avec", "sans", "sur", "sous", "chez", "vers", "depuis", "pendant", "apres", "avant",
      "selon", "lors", "entre", "contre", "malgre", "et", "ou", "mais", "donc", "car", "ni", "or",
      "si", "quand", "lorsque", "comme", "puis", "ensuite", "enfin", "alors", "aujourd'hui", "hier",
      "demain", "ce", "cela", "ceci", "tout", "tous", "toute", "toutes", "aucun", "aucune",
      "plusieurs", "certains", "certaines", "chaque", "autre", "autres", "notre", "nos", "votre",
      "vos", "son", "sa", "ses", "mon", "ma", "mes", "ton", "ta", "signalement", "note", "compte",
      "rendu", "synthese", "objet", "situation", "contexte", "suivi", "accompagnement",
      "hebergement", "orientation", "demande", "rappel", "urgent", "remarque", "conclusion",
      "observations", "observation", "faits", "profil", "victime", "victimes", "personne",
      "personnes", "femme", "femmes", "homme", "hommes", "mineure", "mineur", "mineures", "mineurs",
      "majeure", "majeur", "jeune", "jeunes", "fille", "filles", "garcon", "garcons", "enfant",
      "madame", "monsieur", "bonjour", "oba", "merci", "cordialement", "entretien", "audition",
      "plainte", "depot", "dossier", "ref", "reference", "date", "lieu", "age", "sexe",
      "nationalite", "forme", "secteur", "indicateurs", "type", "statut", "etat", "origine",
      "total", "nombre", "oui", "non", "ok", "nb", "pj", "cf", "voir", "rdv", "tel", "mail", "fax",
      "sms", "whatsapp", "facebook", "instagram", "tiktok", "snapchat", "telegram", "signal",
      "google", "internet", "web", "vivastreet", "wannonce", "sexemodel", "escort", "annonce",
      "annonces", "site", "sites", "reseau", "reseaux", "pv", "ip", "tgi", "cra", "cao",
      "samusocial", "trajectoire", "hotline", "numero", "vert"};
  return s;
}

const Set& name_particles() {
  static const Set s{"de",  "da",  "das", "do",    "dos",  "du",  "van", "von",
                     "der", "den", "ben", "bin",   "bint", "el",  "al",  "la",
                     "le",  "di",  "del", "della", "y",    "ter", "ould"};
  return s;
}

const Set& street_types() {
  static const Set s{"rue", "avenue", "av", "ave", "boulevard", "bd", "bld", "bvd", "place", "pl",
                     "impasse", "imp", "allee", "chemin", "ch", "route", "rte", "quai", "cours",
                     "square", "sq", "passage", "faubourg", "fbg", "villa", "cite", "residence",
                     "res", "sentier", "voie", "rond-point", "esplanade", "parvis", "promenade",
                     "hameau", "lieu-dit", "lotissement", "montee", "ruelle", "traverse", "street",
                     "st", "road", "rd", "strada", "calle", "rua", "ulica", "strasse", "str",
                     // Albanian and Turkish: "Rruga e Kavajës", "Atatürk Caddesi", "… Sokak"
                     "rruga", "bulevardi", "caddesi", "cadde", "sokak", "sokagi",
                     // English: "14 Green Lane, Ilford"
                     "lane", "drive", "close", "way", "gardens", "terrace", "crescent", "grove"};
  return s;
}

const Set& building_words() {
  static const Set s{"appartement", "appart", "appt", "apt", "batiment", "bat", "escalier", "esc",
                     "etage", "porte", "logement", "bloc", "entree", "boite",
                     // a plot on a caravan site ("allée 4, caravane 12"); Albanian "Pallati
                     // 112, Shkalla 3, Ap. 18" (building, staircase, flat)
                     "caravane", "emplacement", "pallati", "shkalla", "ap"};
  return s;
}

const Set& birth_cues() {
  static const Set s{"ne", "nee", "nes", "nees", "naissance", "ddn", "dn", "born", "dob", "nacida",
                     "nascida", "nata", "nascita", "birth",
                     // Romanian
                     "nascuta", "nascut",
                     // Albanian, German, Portuguese and Spanish labels, a phone's contact card
                     "datelindja", "geburtsdatum", "nascimento", "nacimiento", "anniversaire",
                     // Bulgarian and Haitian Creole: "роден 14.06.1989", "li fèt 07/06/2010"
                     "\xD1\x80\xD0\xBE\xD0\xB4\xD0\xB5\xD0\xBD",
                     "\xD1\x80\xD0\xBE\xD0\xB4\xD0\xB5\xD0\xBD\xD0\xB0", "fet"};
  return s;
}

const Set& months() {
  static const Set s{
      "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
      "octobre", "novembre", "decembre", "janv", "fev", "fevr", "avr", "juil", "sept", "oct", "nov",
      "dec", "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
      // English abbreviations; Romanian: "născută la 5 aprilie 2002"
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "ianuarie", "februarie", "martie",
      "aprilie", "iunie", "iulie", "septembrie", "octombrie", "noiembrie", "decembrie"};
  return s;
}

const Set& passport_cues() {
  static const Set s{"passeport", "passeports", "passport", "passaporte", "pasaporte", "pasaport",
                     "pasos", "paszport", "passaporto", "reisepass", "pasport", "pasaportu",
                     // "Hộ chiếu" (Vietnamese), "passaporta" (Albanian), "паспорт" as written
                     "chieu", "passaporta",
                     "\xD0\xBF\xD0\xB0\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80\xD1\x82"};
  return s;
}
const Set& identity_card_cues() {
  // "cin": the Moroccan and Tunisian carte d'identité nationale; "lichna" the Bulgarian one.
  // "dni" Spain's, "cnp" Romania's personal number, "buletinul" the Romanian card with its
  // article.
  static const Set s{
      "cni", "identite", "id", "identity", "buletin", "identidade", "dni", "kimlik", "cedula",
      "cic", "cin", "lichna", "identidad", "cnp", "buletinul", "cpf", "nin",
      // "cartão de cidadão", "carta d'identità", Belgium's eID, and "Лична карта" as written
      "cidadao", "identita", "eid", "identification", "cnie",
      // Afghanistan's tazkira, Pakistan's CNIC, Sri Lanka's NIC
      "tazkira", "tazkera", "taskera", "cnic", "nic",
      // the Romanian card's series ("SERIA KX NR 715302")
      "seria", "aadhaar",
      // "ID-картка" (Ukrainian)
      "\xD0\xBA\xD0\xB0\xD1\x80\xD1\x82\xD0\xBA\xD0\xB0",
      "\xD0\xBA\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0"};
  return s;
}
const Set& residence_permit_cues() {
  // "soggiorno" Italy's permesso di soggiorno, "nie" and "tie" Spain's foreigner number and card.
  static const Set s{"sejour",   "recepisse", "aps",       "agdref", "soggiorno",
                     "nie",      "permesso",  "resident",  "vls-ts", "vls",
                     "etranger", "tie",       "residencia"};
  return s;
}
const Set& plate_cues() {
  static const Set s{"immatriculee", "immatricule", "immatriculation", "plaque", "plaques", "immat",
                     // German, Romanian, Spanish, Italian, English, Polish
                     "kennzeichen", "numere", "numar", "matricula", "targa", "plate", "plates",
                     "rejestracja", "registration"};
  return s;
}
const Set& social_cues() {
  static const Set s{"snap", "snapchat", "insta", "instagram", "tiktok", "facebook", "fb",
                     "telegram", "twitter", "pseudo", "pseudonyme", "identifiant", "username",
                     "onlyfans", "messenger", "signal", "vk", "wechat", "skype", "tinder",
                     // "LINE ID: maymay_thai95" (the Thai messenger), Viber, Kik
                     "line", "viber", "kik",
                     // Chinese and Vietnamese networks, and others met in the field
                     "xiaohongshu", "douyin", "weibo", "zalo", "imo", "botim", "kakaotalk", "badoo",
                     "grindr", "youtube", "linkedin", "twitch"};
  return s;
}
const Set& nir_cues() {
  static const Set s{"nir", "secu", "securite", "insee", "ss"};
  return s;
}
const Set& profile_domains() {
  static const Set s{"facebook.com",
                     // link-in-bio pages, which gather a person's profiles and ads
                     "vinted.fr", "vinted.com", "linktr.ee", "beacons.ai", "allmylinks.com",
                     "lnk.bio", "linkin.bio", "taplink.cc", "solo.to", "fb.com", "m.facebook.com",
                     "fr-fr.facebook.com", "instagram.com", "tiktok.com", "snapchat.com",
                     "twitter.com", "x.com", "linkedin.com", "t.me", "telegram.me", "wa.me",
                     "chat.whatsapp.com", "vk.com", "ok.ru", "onlyfans.com", "badoo.com",
                     "tinder.com", "gotinder.com", "youtube.com", "vivastreet.com", "wannonce.com",
                     "sexemodel.com", "escort-advisor.com", "6annonce.com", "leboncoin.fr",
                     "annonce-sexe.com", "massage-annonce.com", "skokka.com", "locanto.fr"};
  return s;
}

// Maps the two-byte UTF-8 sequence of a Latin-1 / Latin Extended-A letter to its ASCII base.
const char* fold_latin(unsigned char a, unsigned char b) {
  if (a == 0xC3) {
    static const char* table[64] =
        {"a",  "a", "a", "a",  "a",  "a", "ae", "c",     "e", "e", "e",
         "e",  "i", "i", "i",  "i",  // 80-8F
         "d",  "n", "o", "o",  "o",  "o", "o",  nullptr, "o", "u", "u",
         "u",  "u", "y", "th", "ss", "a", "a",  "a",     "a", "a", "a",
         "ae", "c", "e", "e",  "e",  "e", "i",  "i",     "i", "i",  // A0-AF
         "d",  "n", "o", "o",  "o",  "o", "o",  nullptr, "o", "u", "u",
         "u",  "u", "y", "th", "y"};
    if (b >= 0x80 && b <= 0xBF) return table[b - 0x80];
  }
  if (a == 0xC5 && (b == 0x92 || b == 0x93)) return "oe";
  return nullptr;
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (c == 0xE2 && i + 2 < s.size() && d == 0x80 &&
          static_cast<unsigned char>(s[i + 2]) == 0x99) {  // ’ -> '
        out += '\'';
        i += 2;
      } else if (const char* f = fold_latin(c, d)) {
        out += f;
        ++i;
      } else if (c >= 0xC4 && c <= 0xC9 && (d & 0xC0) == 0x80) {
        // Latin Extended-A and -B: ș ț ă ğ ı ł č ő… -> their base letters.
        const char32_t cp = ((c & 0x1F) << 6) | (d & 0x3F);
        if (const char* b = latin_base(cp)) {
          out += b;
        } else {
          out += static_cast<char>(c);
          out += static_cast<char>(d);
        }
        ++i;
      } else if ((c == 0xCC || (c == 0xCD && d < 0xB0)) && (d & 0xC0) == 0x80) {
        ++i;  // a combining accent (U+0300–U+036F), as decomposed text writes "é": dropped
      } else if (c == 0xE1 && d >= 0xB8 && d <= 0xBB && i + 2 < s.size()) {
        // Latin Extended Additional, the Vietnamese letters: ễ ạ ầ ữ… -> their base letters.
        const unsigned char e = static_cast<unsigned char>(s[i + 2]);
        const char32_t cp = ((c & 0x0F) << 12) | ((d & 0x3F) << 6) | (e & 0x3F);
        if (const char* b = latin_base(cp)) {
          out += b;
        } else {
          out.append(s.substr(i, 3));
        }
        i += 2;
      } else {
        out += static_cast<char>(c);
      }
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {

// Common Chinese surnames in pinyin (faker's zh_CN lists are in characters), long enough not to
// be French words ("ma", "du", "he" are left out).
const Set& pinyin_surnames() {
  static const Set s{"wang", "zhang", "chen",  "yang",  "huang", "zhao", "zhou",  "xu",
                     "guo",  "luo",   "zheng", "liang", "xie",   "tang", "feng",  "deng",
                     "cao",  "peng",  "zeng",  "xiao",  "tian",  "yuan", "jiang", "cheng",
                     "shen", "zhong", "cui",   "qian",  "qin",   "gu",   "hou",   "shao",
                     "meng", "xiong", "qiu",   "kong",  "zhu",   "liu",  "wu",    "sun"};
  return s;
}

// The hand-made first names that are also French words (checked against wfrench): in lower
// case they are words, not names ("grâce à", "mai", "lin", "marie" for "mariée").
const Set& names_that_are_words() {
  static const Set s{
      "aicha",     "alexandra", "amine",   "ana",      "charlotte", "cheikh",   "clarisse",
      "divine",    "elira",     "exauce",  "fatma",    "florin",    "gloria",   "grace",
      "hua",       "hui",       "ion",     "jade",     "jasmin",    "jean",     "jeanne",
      "jeannette", "jules",     "julien",  "kadi",     "lamine",    "laura",    "laurent",
      "li",        "lin",       "louis",   "louise",   "luis",      "mai",      "marc",
      "maria",     "marie",     "mathieu", "maxime",   "merveille", "milan",    "min",
      "moussa",    "olivier",   "osas",    "patience", "peter",     "pierre",   "ramona",
      "rani",      "ravi",      "romain",  "rosa",     "rosalie",   "thais",    "titi",
      "veronique", "victoria",  "hang",    "dung",     "peace",     "success",  "gift",
      "favour",    "favor",     "comfort", "glory",    "princess",  "goodness", "mercy"};
  return s;
}

Set split_lines(std::string_view blob) {
  Set s;
  s.reserve(blob.size() / 7);
  while (!blob.empty()) {
    const auto nl = blob.find('\n');
    s.insert(blob.substr(0, nl));
    if (nl == std::string_view::npos) break;
    blob.remove_prefix(nl + 1);
  }
  return s;
}
const Set& extracted_first_names() {
  static const Set s = split_lines(extracted_names::first_names());
  return s;
}
const Set& extracted_surnames() {
  static const Set s = split_lines(extracted_names::surnames());
  return s;
}

// Every first name and surname of the lists above, for a single lookup on every word.
const Set& any_names() {
  static const Set s = [] {
    Set all = extracted_first_names();
    all.insert(extracted_surnames().begin(), extracted_surnames().end());
    all.insert(first_names().begin(), first_names().end());
    all.insert(pinyin_surnames().begin(), pinyin_surnames().end());
    return all;
  }();
  return s;
}

// One bit per hash of every listed name, 2^20 bits (128 KiB, which stays in cache): most words
// are in no list, and this answers them without reaching into the large hash sets, whose
// lookups were a third of the scan's time.
class NameFilter {
 public:
  NameFilter() : bits_(kBits / 64) {
    for (auto n : any_names()) set(hash(n));
  }
  bool may_hold(std::string_view w) const {
    const auto h = hash(w);
    return (bits_[(h & (kBits - 1)) / 64] >> (h % 64)) & 1;
  }

 private:
  static constexpr std::uint64_t kBits = std::uint64_t{1} << 20;
  static std::uint64_t hash(std::string_view w) {  // FNV-1a
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : w) h = (h ^ c) * 1099511628211ull;
    return h;
  }
  void set(std::uint64_t h) { bits_[(h & (kBits - 1)) / 64] |= std::uint64_t{1} << (h % 64); }
  std::vector<std::uint64_t> bits_;
};
bool may_be_name(std::string_view f) {
  static const NameFilter filter;
  return filter.may_hold(f);
}

// An index of views into an embedded list already sorted in byte order by its generator, for
// a binary search: wfrench's words (about 330,000, asked only of capitalised words) and the
// place names (about 75,000, asked only of names found).
std::vector<std::string_view> sorted_lines(std::string_view blob) {
  std::vector<std::string_view> v;
  v.reserve(blob.size() / 9);
  while (!blob.empty()) {
    const auto nl = blob.find('\n');
    if (nl > 0) v.push_back(blob.substr(0, nl));
    if (nl == std::string_view::npos) break;
    blob.remove_prefix(nl + 1);
  }
  return v;
}
const std::vector<std::string_view>& french_word_index() {
  static const std::vector<std::string_view> index = sorted_lines(french_words::all());
  return index;
}
const std::vector<std::string_view>& place_index() {
  static const std::vector<std::string_view> index = sorted_lines(place_names::all());
  return index;
}

// Local parts of the functional mailboxes of services and organisations, and the prefixes of
// the French administration's service boxes ("pref-etrangers@", "ddets-traite@").
const Set& functional_local_parts() {
  static const Set s{
      "contact", "contacts", "accueil", "info", "infos", "information", "informations",
      "secretariat", "direction", "administration", "service", "services", "support", "permanence",
      "juridique", "signalement", "signalements", "plainte", "plaintes", "communication", "presse",
      "rh", "recrutement", "benevoles", "benevolat", "dons", "standard", "courrier", "courriers",
      "mairie", "prefecture", "webmaster", "noreply", "no-reply", "admin", "hello", "bonjour",
      "asile", "etrangers", "sejour", "traite", "referent", "referente", "coordination", "siege",
      "bureau", "office", "ecoute", "urgence", "hebergement", "social", "aide", "assistance",
      "accompagnement", "formation",
      // a team's or a function's box, at any domain: "maraude@amicale-du-nid.org"
      "maraude", "maraudes", "equipe", "permanences", "orientation", "orientations", "veille",
      "antenne", "delegation", "mission", "guichet", "juriste", "juristes", "victimes",
      "prevention", "education", "enfance", "jeunesse", "partenariats", "partenaires", "admission",
      "admissions", "inscription", "inscriptions", "facturation", "comptabilite", "compta", "sante",
      "medical", "mediation"};
  return s;
}

}  // namespace

bool is_demonym(std::string_view f) {
  const auto& stems = demonym_stems();
  if (stems.contains(f)) return true;
  // "senegalaises" -> "senegalais", "ivoiriennes" -> "ivoirien", "afghanes" -> "afghan".
  auto stem = f;
  if (stem.ends_with('s') && !stems.contains(stem)) stem.remove_suffix(1);
  if (stems.contains(stem)) return true;
  if (stem.ends_with('e')) stem.remove_suffix(1);
  if (stems.contains(stem)) return true;
  if (stem.ends_with("n") && stem.size() > 2 && stem[stem.size() - 2] == 'n') stem.remove_suffix(1);
  return stems.contains(stem);
}
bool is_title(std::string_view f) {
  return titles().count(f);
}
bool is_determiner(std::string_view f) {
  return determiners().count(f);
}
bool is_name_cue(std::string_view f) {
  return name_cues().count(f);
}
bool is_relation_cue(std::string_view f) {
  return relation_cues().count(f);
}
bool is_first_name(std::string_view f) {
  return first_names().count(f);
}
bool is_not_a_name(std::string_view f) {
  return not_names().count(f);
}
bool is_name_particle(std::string_view f) {
  return name_particles().count(f);
}
bool is_street_type(std::string_view f) {
  return street_types().count(f);
}
bool is_building_word(std::string_view f) {
  return building_words().count(f);
}
bool is_birth_cue(std::string_view f) {
  return birth_cues().count(f);
}
bool is_month(std::string_view f) {
  return months().count(f);
}
bool is_passport_cue(std::string_view f) {
  return passport_cues().count(f);
}
bool is_identity_card_cue(std::string_view f) {
  return identity_card_cues().count(f);
}
bool is_residence_permit_cue(std::string_view f) {
  return residence_permit_cues().count(f);
}
bool is_plate_cue(std::string_view f) {
  return plate_cues().count(f);
}
bool is_social_cue(std::string_view f) {
  return social_cues().count(f);
}
bool is_nir_cue(std::string_view f) {
  return nir_cues().count(f);
}
bool is_profile_domain(std::string_view h) {
  if (h.starts_with("www.")) h.remove_prefix(4);
  return profile_domains().count(h);
}

bool is_extracted_first_name(std::string_view f) {
  return may_be_name(f) && extracted_first_names().count(f);
}
bool is_surname(std::string_view f) {
  return may_be_name(f) && (extracted_surnames().count(f) || pinyin_surnames().count(f));
}
bool is_listed_name(std::string_view f) {
  return may_be_name(f) && any_names().count(f);
}
bool is_french_word(std::string_view f) {
  const auto& index = french_word_index();
  return std::binary_search(index.begin(), index.end(), f);
}
bool is_place(std::string_view f) {
  const auto& index = place_index();
  return std::binary_search(index.begin(), index.end(), f);
}
bool is_lowercase_name(std::string_view f) {
  // Called on every lower-case word: one lookup in the union of the lists first, since most
  // words are in none of them.
  if (f.size() < 3 || !is_listed_name(f)) return false;
  if (is_month(f) || is_not_a_name(f) || is_determiner(f)) return false;
  if (first_names().count(f)) return !names_that_are_words().count(f);
  // The extracted lists hold no French word: the build filtered them out.
  return is_extracted_first_name(f) || extracted_surnames().count(f);
}

bool is_functional_mailbox(std::string_view local) {
  if (functional_local_parts().count(local)) return true;
  // "pref-etrangers", "ddets-traite", "sp-raincy", "accueil.paris": a service's box.
  const auto sep = local.find_first_of("-._");
  if (sep == std::string_view::npos) return false;
  const auto head = local.substr(0, sep);
  static const Set prefixes{"pref", "prefecture", "sous-pref", "sp",      "ddets",   "dreets",
                            "ddcs", "drdfe",      "ars",       "dr",      "dd",      "ud",
                            "ut",   "cab",        "bureau",    "service", "accueil", "contact",
                            "info", "mairie",     "cada",      "chrs",    "siao",    "ase",
                            "pmi",  "ofii",       "ofpra",     "cnda",    "crip"};
  if (prefixes.count(head) || functional_local_parts().count(head)) return true;
  // "jop-teh", "coordination.traite", "equipe-maraude": a part of the box names a service.
  static const Set services{
      "teh",        "traite",      "coordination",  "secretariat", "juridique", "social",
      "permanence", "signalement", "signalements",  "equipe",      "maraude",   "direction",
      "admin",      "rh",          "communication", "presse",      "benevoles", "formation",
      "prevention", "ecoute",      "urgence",       "hebergement", "siege",     "pole"};
  std::size_t b = 0;
  while (b <= local.size()) {
    const auto e = local.find_first_of("-._", b);
    if (services.count(local.substr(b, e == std::string_view::npos ? local.size() - b : e - b)))
      return true;
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return false;
}

bool is_public_body_domain(std::string_view d) {
  auto ends = [&](std::string_view suffix) { return d == suffix.substr(1) || d.ends_with(suffix); };
  return ends(".gouv.fr") || ends(".gouv") || ends(".justice.fr") || ends(".ofpra.fr") ||
         ends(".ofii.fr") || ends(".ars.sante.fr") || ends(".francetravail.fr") ||
         ends(".pole-emploi.fr") || ends(".caf.fr") || ends(".assurance-maladie.fr") ||
         ends(".ameli.fr") || ends(".urssaf.fr") || ends(".cnda.fr") ||
         ends(".defenseurdesdroits.fr") || ends(".europa.eu") || ends(".coe.int") ||
         ends(".iom.int") || ends(".un.org");
}

}  // namespace vigie::privacy::lexicon
