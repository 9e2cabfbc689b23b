// French catalogue: the reference. Every key here must exist in every other catalogue.
export const fr = {
  'app.title': 'Vigie — Suivi du plan national contre la traite',
  'app.service': 'Vigie',
  'app.tagline': 'Suivi du plan national contre la traite',
  'app.home_link_title': 'Accueil — Vigie',
  'republic': 'République\nFrançaise',
  'skiplinks.label': 'Accès rapide',
  'skiplinks.content': 'Contenu',
  'skiplinks.menu': 'Menu',
  'skiplinks.footer': 'Pied de page',
  'header.menu': 'Menu',
  'header.close': 'Fermer',
  'header.main_menu': 'Menu principal',
  'lang.select': 'Sélectionner une langue',
  'lang.current_short': 'FR',
  'lang.current_long': 'Français',
  'lang.fr': 'FR - Français',
  'lang.en': 'EN - English',
  'nav.home': 'Accueil',
  'home.page_title': 'Accueil',
  'home.heading': 'Vigie',
  'home.lead':
    "La plateforme partagée de suivi du plan national de lutte contre l'exploitation et la traite des êtres humains 2024-2027, animée par la MIPROF avec les ministères, préfectures, parquets, services de police, associations, syndicats et autorités indépendantes.",
  'home.principle':
    "Un plan n'a réussi que si les acteurs de terrain constatent qu'il a réussi : Vigie montre l'avancement officiel à côté de ce que le terrain observe.",
  'home.modules_heading': 'Ce que Vigie rassemble',
  'home.module_state_upcoming': 'En préparation',
  'home.module.plan.title': 'Suivi du plan',
  'home.module.plan.desc': 'Axes, mesures, actions, pilotes, indicateurs et avancement daté.',
  'home.module.diagnostics.title': 'Diagnostics partagés',
  'home.module.diagnostics.desc':
    "L'appréciation du terrain sur chaque mesure, à côté de l'avancement officiel.",
  'home.module.field.title': 'Remontées de terrain',
  'home.module.field.desc':
    'Profils anonymisés de victimes et signaux qualitatifs, publiés seulement en agrégats protégés.',
  'home.module.saisines.title': 'Saisines',
  'home.module.saisines.desc':
    'Les blocages documentés que la coordination porte auprès des préfectures et des parquets.',
  'home.module.committee.title': 'Comité de coordination',
  'home.module.committee.desc': 'Réunions, ordres du jour, comptes rendus et suivi des décisions.',
  'home.module.operations.title': 'Opérations renforcées',
  'home.module.operations.desc':
    'Information, détection et répression autour des grands événements, avec chiffres quotidiens.',
  'home.module.reports.title': 'Rapports et données ouvertes',
  'home.module.reports.desc': 'Rapports et jeux de données publiés après contrôle du secret statistique.',
  'status.heading': 'État du service',
  'status.checking': 'Vérification en cours…',
  'status.ready': 'Service disponible — version {version}, schéma de données {schema}.',
  'status.unavailable': 'Le service ne répond pas pour le moment. Réessayez dans quelques instants.',
  'notfound.page_title': 'Page non trouvée',
  'notfound.code': 'Erreur 404',
  'notfound.heading': 'Page non trouvée',
  'notfound.lead': 'La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.',
  'notfound.detail':
    "Si vous avez tapé l'adresse dans le navigateur, vérifiez qu'elle est correcte. La page n'est peut-être plus disponible.",
  'notfound.home': "Page d'accueil",
  'footer.desc':
    "Vigie est la plateforme de la Mission interministérielle pour la protection des femmes contre les violences et la lutte contre la traite des êtres humains (MIPROF). Aucune donnée permettant d'identifier une victime n'y est enregistrée.",
  'footer.home_title': "Retour à l'accueil du site — Vigie — République Française",
  'footer.new_window': 'nouvelle fenêtre',
  'footer.licence':
    'Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous licence etalab-2.0',
  'cell.below_k':
    'Moins de {k} personnes : ce nombre est masqué au titre du secret statistique, pour que personne ne puisse être reconnu.',
  'cell.protects_another_cell':
    "Masqué au titre du secret statistique : ce nombre permettrait de recalculer un autre nombre inférieur à {k}.",
} as const;

export type MessageKey = keyof typeof fr;
