/**
 * Craft trades for demo data. Each code takes the four digits of the NAF rev. 2 class the
 * trade falls in and adds a two-letter suffix, as APRM codes do; labels name the trade. The demo
 * suffixes are ours: the registry issue replaces this list with the published APRM table.
 */
export type Trade = { code: string; label: string; business: string };

export const TRADES: readonly Trade[] = [
  { code: '1071AB', label: 'Boulangerie et boulangerie-pâtisserie', business: 'Boulangerie' },
  { code: '1071DA', label: 'Pâtisserie', business: 'Pâtisserie' },
  { code: '1013BA', label: 'Charcuterie', business: 'Charcuterie' },
  { code: '4722ZA', label: 'Boucherie', business: 'Boucherie' },
  { code: '4332AA', label: 'Travaux de menuiserie bois et PVC', business: 'Menuiserie' },
  { code: '4321AA', label: "Travaux d'installation électrique", business: 'Électricité' },
  { code: '4322AA', label: "Travaux d'installation d'eau et de gaz", business: 'Plomberie' },
  { code: '4334ZA', label: 'Travaux de peinture et vitrerie', business: 'Peinture' },
  { code: '4399CA', label: 'Travaux de maçonnerie générale', business: 'Maçonnerie' },
  { code: '4391BA', label: 'Travaux de couverture', business: 'Couverture' },
  { code: '9602AA', label: 'Coiffure', business: 'Salon de coiffure' },
  { code: '9602BA', label: 'Soins de beauté', business: 'Institut de beauté' },
  { code: '4520AA', label: 'Entretien et réparation de véhicules automobiles légers', business: 'Garage' },
  { code: '3212ZA', label: "Fabrication d'articles de joaillerie et bijouterie", business: 'Bijouterie' },
  { code: '3109BA', label: "Fabrication d'autres meubles (ébénisterie)", business: 'Ébénisterie' },
  { code: '9523ZA', label: 'Réparation de chaussures et d’articles en cuir', business: 'Cordonnerie' },
  { code: '1392ZA', label: "Fabrication d'articles textiles (tapisserie)", business: 'Tapisserie' },
  { code: '2341ZA', label: 'Fabrication de céramique (poterie)', business: 'Atelier de poterie' },
];
