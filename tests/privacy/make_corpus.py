#!/usr/bin/env python3
"""Builds the labelled corpus of field notes used to measure the identifier guard.

Each line of corpus.jsonl is {"id", "text", "identifiers": [{"kind", "text"}]}: notes with
planted identifiers (every kind, varied formats) and clean notes full of look-alikes
(organisations, places, officials by function, legal references, dates, counts, ages,
amounts, hotlines, file references). All persons are fictional. The generator is seeded, so
the corpus is stable; edit the lists here, run it, and commit both files.
"""
import json
import random
import pathlib

import handwritten

R = random.Random(20261128)

# ---- clean narrative fragments: what field notes are full of -------------------------
CLEAN = [
    "Orientée par le 115 vers un hébergement d'urgence à Saint-Denis, la personne a été reçue en entretien le 12 mars 2024.",
    "La préfète de Seine-Saint-Denis a été saisie le 3 avril ; aucune réponse à ce jour malgré deux relances.",
    "Le parquet de Bobigny a ouvert une enquête préliminaire sur le fondement de l'article 225-4-1 du code pénal.",
    "Entretien avec une jeune femme de 19 ans, arrivée en France en 2022 via la Libye et l'Italie.",
    "Trois jeunes femmes de 17 à 19 ans ont été repérées lors de la maraude du 14 juin près de la gare du Nord.",
    "Le titre de séjour prévu à l'article L425-1 du CESEDA a été demandé après le dépôt de plainte.",
    "Dossier n° 2024-0153 : accompagnement juridique en cours, audition prévue devant la brigade de protection des mineurs.",
    "La personne déclare une dette de 35 000 euros envers le réseau, remboursée par des passes à 50 €.",
    "Signalement transmis à l'OCRTEH le 2 février ; l'officier de permanence a rappelé le lendemain.",
    "Elle a été hébergée par l'Amicale du Nid puis orientée vers le dispositif Ac.Sé pour un éloignement géographique.",
    "L'inspection du travail (DREETS Occitanie) a constaté des conditions d'hébergement indignes sur l'exploitation viticole.",
    "Onze ouvriers agricoles travaillaient douze heures par jour pour 300 euros par mois, sans contrat.",
    "Le juge des enfants a ordonné un placement à l'ASE ; la jeune fille a fugué deux fois depuis.",
    "Rendez-vous à l'OFII mardi prochain ; le récépissé a expiré le mois dernier.",
    "La CNDA a reconnu la qualité de réfugiée le 8 novembre 2023 au titre de l'appartenance à un groupe social.",
    "Maraude de nuit dans le bois de Vincennes : 14 personnes rencontrées, dont 4 mineures présumées.",
    "Selon le commissariat du 18e arrondissement, la plainte a été classée sans suite en janvier.",
    "Le 3919 et le 119 ont été communiqués ; la jeune a gardé le numéro vert 0 800 05 95 95 de l'association.",
    "Accompagnement vers le CADA de Créteil, puis vers un CHRS en attendant la décision de l'OFPRA.",
    "Le procureur de la République a été avisé ; un avocat commis d'office a été désigné.",
    "Le Comité contre l'esclavage moderne suit la situation depuis 2021 avec le Secours Catholique.",
    "Travail domestique sans salaire pendant six ans chez un couple à Neuilly-sur-Seine, passeport confisqué à l'arrivée.",
    "La victime, âgée de 24 ans, est enceinte de cinq mois ; suivi PMI mis en place.",
    "Les annonces sur internet ont augmenté de 34 % à Paris pendant les Jeux olympiques.",
    "Point avec la Mission interministérielle (MIPROF) : la mesure 12 du plan n'est pas déployée dans le département.",
    "Le Défenseur des droits a été saisi pour refus de domiciliation par le CCAS.",
    "Réunion du comité de coordination le 27 juin 2025 : trois saisines présentées, deux débloquées.",
    "La sous-préfecture de Sarcelles exige un justificatif de domicile que la personne ne peut pas fournir.",
    "Exploitation dans un salon de manucure : quatre femmes vietnamiennes logées dans l'arrière-boutique.",
    "Mendicité forcée constatée à la station Châtelet ; deux enfants d'environ 10 ans accompagnés d'un adulte.",
    "Contrainte à commettre des vols à l'étalage dans les grands magasins du boulevard Haussmann.",
    "La brigade de répression du proxénétisme a démantelé un réseau de 12 personnes en octobre.",
    "Permanence juridique du jeudi : 7 personnes reçues, dont 2 pour un premier entretien.",
    "Formation des agents de la préfecture de police le 21 mars sur les indicateurs de l'OIT.",
    "L'hôtel du quartier de la Porte de la Chapelle est signalé pour la troisième fois depuis septembre.",
    "Le tribunal judiciaire de Marseille a condamné deux prévenus à quatre ans d'emprisonnement.",
    "La personne a été mise à l'abri au foyer de l'association pendant 15 nuits.",
    "Elle perçoit l'ADA (6,80 € par jour) et dispose d'une domiciliation auprès de France terre d'asile.",
    "Visite du chantier avec la gendarmerie de Rungis : 9 travailleurs sans titre, logés dans des préfabriqués.",
    "La cheffe de service de l'ASE du Nord a confirmé la prise en charge le 5 décembre.",
    "Transmission au référent traite de la préfecture du Rhône, avec copie à la DDETS.",
    "Elle souhaite retourner au Nigeria ; le programme d'aide au retour de l'OFII a été présenté.",
    "L'employeur retenait 200 € par mois pour le logement, soit plus de la moitié du salaire.",
    "Le médecin de la PASS de l'hôpital Avicenne a constaté des traces de coups anciennes.",
    "Saisine de la MIPROF n° S-2025-017 : refus d'enregistrement de la demande de titre à Bobigny.",
    "Réf. interne ALC-24-0031 ; prochaine échéance : audience du 14 octobre 2025 à 13 h 30.",
    "Selon les chiffres de l'enquête annuelle, 86 % des victimes accompagnées le sont pour exploitation sexuelle.",
    "Une femme de 30 à 34 ans, de nationalité roumaine, exploitée dans la mendicité à Lyon.",
    "Le numéro d'appel 17 a été composé par un voisin ; la patrouille est intervenue vers 23 h.",
    "Les trois mineurs non accompagnés ont été confiés au département du Val-de-Marne.",
    "Pas de nouvelles depuis le 2 mai ; le téléphone de la personne ne répond plus.",
    "Article R. 425-2 : la carte de résident peut être délivrée en cas de condamnation définitive.",
    "La jeune femme a été recrutée sur les réseaux sociaux avec une promesse d'emploi dans la coiffure.",
    "Deux sœurs, 15 et 16 ans, ont été repérées par l'équipe de prévention spécialisée de Montreuil.",
    "Le passeport de la victime a été retrouvé lors de la perquisition et placé sous scellé.",
    "Entretien réalisé avec une interprète en langue edo pendant deux heures.",
    "Les frais d'avocat (1 200 €) sont pris en charge par l'aide juridictionnelle totale.",
    "Groupe de parole du mercredi : 6 participantes, thème de l'accès aux droits.",
    "La permanence de la Cimade a aidé à constituer le dossier de demande d'asile.",
    "Le foyer de jeunes travailleurs de Roubaix peut accueillir la personne à partir du 1er juillet.",
    "Réunion avec l'unité de contrôle de l'inspection du travail de Gironde sur les vendanges 2024.",
    "Appel de la permanence du Collectif « Ensemble contre la traite » au sujet d'une situation à Calais.",
    "Indicateurs OIT relevés : confiscation des documents, dette, isolement, menaces sur la famille.",
    "La préfecture des Bouches-du-Rhône accepte désormais les demandes de titre par voie dématérialisée.",
    "Un signalement au procureur a été fait au titre de l'article 40 du code de procédure pénale.",
    "Hébergement en hôtel social à Aubervilliers via le SIAO, chambre partagée avec sa fille de 3 ans.",
    "L'association a reçu 48 personnes en 2024, dont 31 pour la première fois.",
    "Situation signalée en Guyane : orpaillage illégal, une dizaine de travailleurs brésiliens.",
    "À Mayotte, deux adolescentes exploitées comme domestiques ont été repérées par la PMI de Mamoudzou.",
    "La victime a obtenu une APS de six mois en attendant la fin de la procédure pénale.",
    "Le gérant du restaurant a été placé en garde à vue le 4 septembre pour travail dissimulé.",
    "Le montant des salaires impayés est estimé à 42 500 euros sur trois ans.",
    "Ses enfants restés au pays sont menacés ; la mère demande un contact avec l'ambassade.",
    "Dépôt de plainte au commissariat de Nanterre, accompagnée par la juriste de l'association.",
    "Le conseil départemental a refusé l'évaluation de minorité ; recours devant le juge des enfants.",
    "Prise en charge psychologique au centre Primo Levi à compter de janvier.",
    "Grâce à l'intervention de la coordinatrice, le dossier a été réexaminé en commission.",
    "La personne travaille désormais dans un atelier de confection déclaré, à Pantin.",
    "Deuxième relance à la préfecture le 16 septembre 2025, toujours sans accusé de réception.",
]

# ---- identifier generators: (kind, text) in varied formats ---------------------------
FIRST_F = ["Blessing", "Joy", "Precious", "Faith", "Osas", "Ngozi", "Chioma", "Aminata", "Fatoumata",
           "Mariam", "Ioana", "Andreea", "Elena", "Mirela", "Maria", "Fernanda", "Larissa", "Mei",
           "Linh", "Huong", "Fatima", "Khadija", "Aïcha", "Nadia", "Esther", "Grace", "Gloria",
           "Olga", "Natalia", "Yesenia", "Christelle", "Merveille", "Priscila", "Rokia", "Kadiatou"]
FIRST_M = ["Ionut", "Florin", "Marius", "Mamadou", "Moussa", "Ousmane", "Karim", "Youssef",
           "Chinedu", "Emeka", "Osaro", "Thiago", "José", "Minh", "Wei", "Dragan", "Arben", "Kofi"]
# Names outside the guard's list, to measure it fairly.
RARE_FIRST = ["Ebere", "Oghogho", "Iyobosa", "Nneka", "Chiamaka", "Adesuwa", "Eghosa", "Itohan",
              "Raluca", "Loredana", "Anca", "Yuliia", "Thu Trang", "Xiaomei", "Jussara", "Dayane",
              "Bintu", "Sokhna", "Ndeye", "Mame", "Zeynep", "Lindita", "Besarta", "Valbona"]
LAST = ["Okafor", "Eze", "Osagie", "Obaseki", "Igbinedion", "Adeyemi", "Diallo", "Traoré", "Koné",
        "Camara", "Sow", "Popescu", "Ionescu", "Stan", "Dumitru", "Silva", "Santos", "Oliveira",
        "Nguyen", "Tran", "Zhang", "Wang", "Benali", "El Idrissi", "Haddad", "Petrović", "Hoxha",
        "Mensah", "Owusu", "Ivanova", "Martin", "Durand", "Lefebvre"]


def any_first():
    return R.choice(FIRST_F + FIRST_M + RARE_FIRST)


def name_phrases():
    f, l = any_first(), R.choice(LAST)
    rare = R.choice(RARE_FIRST)
    options = [
        (f"Mme {f} {l}", f"{f} {l}"),
        (f"Madame {l}", l),
        (f"M. {R.choice(FIRST_M)} {l.upper()}", None),
        (f"Mlle {f}", f),
        (f"la jeune femme, prénommée {f},", f),
        (f"elle s'appelle {f} {l}", f"{f} {l}"),
        (f"surnommée « {R.choice(['Princesse', 'la Petite', 'Bébé', 'Cobra'])} »", None),
        (f"le proxénète, {R.choice(FIRST_M)} {l},", None),
        (f"sa fille {f}", f),
        (f"la mama {R.choice(['Joy', 'Gift', 'Success', 'Mercy', 'Osas'])}", None),
        (f"{f} {l} a déclaré", f"{f} {l}"),
        (f"{rare} {l.upper()} a été reçue", f"{rare} {l.upper()}"),
        (f"accompagnée par son compagnon {R.choice(FIRST_M)}", None),
        (f"Nom : {l} ; prénom : {f}", None),
        (f"dite {R.choice(['Rosa', 'Tina', 'Lola', 'Bella'])}", None),
        (f"une certaine {f}", f),
        (f"sa cousine {rare}", rare),
        (f"l'employeur, M. {R.choice(['Lefebvre', 'Haddad', 'Popescu', 'Benali'])},", None),
    ]
    return R.choice(options)


def phone():
    a = lambda: f"{R.randint(0, 99):02d}"
    return R.choice([
        f"06 {a()} {a()} {a()} {a()}", f"07.{a()}.{a()}.{a()}.{a()}", f"06{a()}{a()}{a()}{a()}",
        f"+33 6 {a()} {a()} {a()} {a()}", f"+33 (0)7 {a()} {a()} {a()} {a()}",
        f"0033 6 {a()} {a()} {a()} {a()}", f"+234 803 {R.randint(100, 999)} {R.randint(1000, 9999)}",
        f"+40 721 {R.randint(100, 999)} {R.randint(100, 999)}", f"01-{a()}-{a()}-{a()}-{a()}",
        f"+55 11 9{R.randint(1000, 9999)}-{R.randint(1000, 9999)}", f"09 {a()} {a()} {a()} {a()}",
    ])


def email():
    f = R.choice(["blessing", "joy.osas", "mariam93", "ioana.p", "sweetprincess", "fernanda.s"])
    return f"{f}{R.choice(['', '2000', '_vip', '.91'])}@{R.choice(['gmail.com', 'yahoo.fr', 'hotmail.com', 'outlook.fr', 'proton.me'])}"


def nir_valid():
    while True:
        sex = R.choice("12")
        yy, mm = f"{R.randint(70, 99):02d}", f"{R.randint(1, 12):02d}"
        dep, com, order = f"{R.randint(1, 95):02d}", f"{R.randint(1, 999):03d}", f"{R.randint(1, 999):03d}"
        body = sex + yy + mm + dep + com + order
        key = 97 - int(body) % 97
        if dep != "20":
            break
    full = body + f"{key:02d}"
    return R.choice([full, f"{full[0]} {full[1:3]} {full[3:5]} {full[5:7]} {full[7:10]} {full[10:13]} {full[13:]}"])


def iban_valid():
    bban = "".join(R.choice("0123456789") for _ in range(23))
    def check(country, bban):
        s = bban + "".join(str(ord(c) - 55) for c in country) + "00"
        return f"{98 - int(s) % 97:02d}"
    raw = "FR" + check("FR", bban) + bban
    return R.choice([raw, " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))])


def address():
    n = R.randint(1, 180)
    return R.choice([
        f"{n} rue {R.choice(['de la République', 'Gabriel Péri', 'du Faubourg Saint-Denis', 'des Poissonniers', 'Victor Hugo'])}",
        f"{n} bis avenue {R.choice(['Jean Jaurès', 'de Paris', 'du Général Leclerc'])}",
        f"{n}, boulevard {R.choice(['Barbès', 'de la Villette', 'Ney'])}",
        f"{n} allée des {R.choice(['Lilas', 'Tilleuls', 'Acacias'])}",
        f"{R.choice(['93200 Saint-Denis', '75018 Paris', '13003 Marseille', '69007 Lyon', '59100 Roubaix'])}",
        f"bâtiment {R.choice('ABCDE')}, appartement {R.randint(1, 120)}",
        f"{n} chemin des {R.choice(['Vignes', 'Moulins'])}",
        f"{n} impasse {R.choice(['Mazagran', 'Florentine'])}",
    ])


def birth():
    d, m, y = R.randint(1, 28), R.randint(1, 12), R.randint(1985, 2008)
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
    date = R.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {months[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}"])
    cue = R.choice(["née le", "né le", "date de naissance :", "DDN", "née à Benin City le", "naissance :"])
    return f"{cue} {date}", date


def passport():
    num = R.choice([f"{R.randint(10, 99)}{R.choice(['AB', 'CK', 'FT', 'XD'])}{R.randint(10000, 99999)}",
                    f"A{R.randint(10000000, 99999999)}", f"{R.choice('BCP')}{R.randint(1000000, 9999999)}"])
    cue = R.choice(["passeport n°", "passeport nigérian", "numéro de passeport :", "son passeport"])
    return f"{cue} {num}", num


def id_card():
    num = R.choice([str(R.randint(10**11, 10**12 - 1)), f"{R.choice('XYZ')}{R.randint(1000, 9999)}{R.choice('AB')}{R.randint(100, 999)}"])
    return f"{R.choice(['CNI n°', 'carte d’identité', 'carte nationale d’identité n°'])} {num}", num


def residence():
    num = str(R.randint(10**9, 10**10 - 1))
    return f"{R.choice(['titre de séjour n°', 'récépissé n°', 'numéro AGDREF', 'carte de séjour'])} {num}", num


def plate():
    L = lambda: "".join(R.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(2))
    p = R.choice([f"{L()}-{R.randint(100, 999)}-{L()}", f"{L()} {R.randint(100, 999)} {L()}"])
    other = f"B-{R.randint(100, 999)}-{L()}{R.choice('ABC')}"
    return R.choice([(f"immatriculée {p}", p), (f"véhicule {p}", p), (f"plaque roumaine {other}", other)])


def handle():
    h = R.choice(["@princess_joy", "@osas.vip", "@sweet_bella93", "@mariam.beauty", "@blessy_love"])
    plain = h[1:]
    return R.choice([(f"compte Instagram {h}", h), (f"snap : {plain}", plain), (f"TikTok {h}", h),
                     (f"pseudo : {plain}", plain)])


def profile():
    return R.choice([f"https://www.facebook.com/{R.choice(['joy.osas.5', 'profile.php?id=1000812345'])}",
                     f"instagram.com/{R.choice(['princess_joy', 'bella.paris'])}",
                     f"https://t.me/{R.choice(['massage_paris_vip', 'osasbeauty'])}",
                     f"https://wa.me/33{R.randint(600000000, 799999999)}",
                     f"https://www.vivastreet.com/annonce/{R.randint(100000, 999999)}"])


def coords():
    lat, lon = 48.8 + R.random() / 10, 2.3 + R.random() / 10
    return R.choice([f"{lat:.5f}, {lon:.5f}", f"{lat:.6f} {lon:.6f}".replace(".", ","),
                     f"48°53'{R.randint(10, 59)}\"N 2°21'{R.randint(10, 59)}\"E"])


PLANTERS = {
    "person_name": lambda: name_phrases(),
    "phone": lambda: (lambda p: (f"{R.choice(['joignable au', 'tél.', 'son numéro :', 'WhatsApp', 'a appelé depuis le'])} {p}", p))(phone()),
    "email": lambda: (lambda e: (f"{R.choice(['mail :', 'écrit depuis', 'adresse électronique'])} {e}", e))(email()),
    "social_security_number": lambda: (lambda n: (f"{R.choice(['NIR', 'n° de sécurité sociale', 'numéro de sécu'])} {n}", n))(nir_valid()),
    "iban": lambda: (lambda i: (f"{R.choice(['IBAN', 'virements sur le compte', 'RIB :'])} {i}", i))(iban_valid()),
    "postal_address": lambda: (lambda a: (f"{R.choice(['logée au', 'hébergée', 'domiciliée', 'adresse :'])} {a}", a))(address()),
    "date_of_birth": lambda: birth(),
    "passport_number": lambda: passport(),
    "identity_card_number": lambda: id_card(),
    "residence_permit_number": lambda: residence(),
    "vehicle_plate": lambda: plate(),
    "social_handle": lambda: handle(),
    "profile_link": lambda: (lambda p: (f"{R.choice(['annonce :', 'profil', 'lien'])} {p}", p))(profile()),
    "coordinates": lambda: (lambda c: (f"{R.choice(['position GPS', 'coordonnées', 'localisée en'])} {c}", c))(coords()),
}

# Name phrases give (phrase, expected span text or None = the phrase's name part).
NAME_SPAN = {
    "surnommée": lambda p: p.split("« ")[1].split(" »")[0],
    "le proxénète, ": lambda p: p.split(", ")[1].rstrip(","),
    "la mama ": lambda p: p.split()[-1],
    "M. ": lambda p: p.split("M. ")[1].rstrip(","),
    "accompagnée par son compagnon ": lambda p: p.split()[-1],
    "dite ": lambda p: p.split()[-1],
}


def planted(kind):
    phrase, span = PLANTERS[kind]()
    if kind == "person_name":
        if phrase.startswith("Nom : "):
            parts = phrase.split(" ; prénom : ")
            return phrase, [("person_name", parts[0][6:]), ("person_name", parts[1])]
        if span is None:
            for cue, f in NAME_SPAN.items():
                if cue in phrase:
                    span = f(phrase)
                    break
        return phrase, [("person_name", span)]
    return phrase, [(kind, span)]


def sentence_with(phrase):
    frames = [
        "La personne, {p}, a été reçue à la permanence.",
        "Lors de l'entretien, {p} ; orientation vers un hébergement sécurisé.",
        "Informations recueillies : {p}.",
        "Elle a précisé ({p}) qu'elle souhaitait porter plainte.",
        "{P}, d'après le signalement du partenaire.",
        "Contact à recontacter : {p}.",
        "Selon la juriste, {p}, ce qui a permis de relancer la préfecture.",
    ]
    f = R.choice(frames)
    return f.replace("{P}", phrase[0].upper() + phrase[1:]).replace("{p}", phrase)


def main():
    notes = []
    kinds = list(PLANTERS)
    n = 0
    # Notes with planted identifiers: every kind many times, 1-3 per note.
    for round_ in range(16):
        for kind in kinds:
            chosen = [kind] + R.sample(kinds, R.choice([0, 0, 1, 2]))
            pieces, labels = [], []
            for k in chosen:
                phrase, lab = planted(k)
                pieces.append(sentence_with(phrase))
                labels += lab
            body = R.sample(CLEAN, R.randint(1, 3)) + pieces
            R.shuffle(body)
            n += 1
            notes.append({"id": f"planted-{n:03d}", "text": " ".join(body),
                          "identifiers": [{"kind": k, "text": t} for k, t in labels]})
    # Clean notes: look-alikes only.
    for i in range(130):
        body = R.sample(CLEAN, R.randint(1, 4))
        notes.append({"id": f"clean-{i + 1:03d}", "text": " ".join(body), "identifiers": []})
    for i, (text, labels) in enumerate(handwritten.PLANTED):
        notes.append({"id": f"hand-planted-{i + 1:03d}", "text": text,
                      "identifiers": [{"kind": k, "text": t} for k, t in labels]})
    for i, text in enumerate(handwritten.CLEAN):
        notes.append({"id": f"hand-clean-{i + 1:03d}", "text": text, "identifiers": []})
    for i, (text, labels) in enumerate(handwritten.HELD_OUT_PLANTED):
        notes.append({"id": f"heldout-planted-{i + 1:03d}", "text": text,
                      "identifiers": [{"kind": k, "text": t} for k, t in labels]})
    for i, text in enumerate(handwritten.HELD_OUT_CLEAN):
        notes.append({"id": f"heldout-clean-{i + 1:03d}", "text": text, "identifiers": []})
    for i, (text, labels) in enumerate(handwritten.TUNING2_PLANTED):
        notes.append({"id": f"tuning2-planted-{i + 1:03d}", "text": text,
                      "identifiers": [{"kind": k, "text": t} for k, t in labels]})
    for i, text in enumerate(handwritten.TUNING2_CLEAN):
        notes.append({"id": f"tuning2-clean-{i + 1:03d}", "text": text, "identifiers": []})
    for i, (text, labels) in enumerate(handwritten.TUNING3_PLANTED):
        notes.append({"id": f"tuning3-planted-{i + 1:03d}", "text": text,
                      "identifiers": [{"kind": k, "text": t} for k, t in labels]})
    for i, text in enumerate(handwritten.TUNING3_CLEAN):
        notes.append({"id": f"tuning3-clean-{i + 1:03d}", "text": text, "identifiers": []})
    for i, text in enumerate(handwritten.TUNING4_CLEAN):
        notes.append({"id": f"tuning4-clean-{i + 1:03d}", "text": text, "identifiers": []})
    out = pathlib.Path(__file__).with_name("corpus.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for note in notes:
            for ident in note["identifiers"]:
                assert ident["text"] in note["text"], (note["id"], ident)
            fh.write(json.dumps(note, ensure_ascii=False) + "\n")
    print(f"{len(notes)} notes written to {out}")


if __name__ == "__main__":
    main()
