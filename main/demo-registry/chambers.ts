/**
 * The chamber ("CMA") of each department since the 2021 regional reform, as the card prints
 * it. Saint-Pierre-et-Miquelon has a joint chamber of its own (CACIMA).
 */
const REGIONS: Record<string, string> = {
  'Auvergne-Rhône-Alpes': '001 003 007 015 026 038 042 043 063 069 073 074',
  'Bourgogne-Franche-Comté': '021 025 039 058 070 071 089 090',
  Bretagne: '022 029 035 056',
  'Centre-Val de Loire': '018 028 036 037 041 045',
  Corse: '02A 02B',
  'Grand Est': '008 010 051 052 054 055 057 067 068 088',
  'Hauts-de-France': '002 059 060 062 080',
  'Île-de-France': '075 077 078 091 092 093 094 095',
  Normandie: '014 027 050 061 076',
  'Nouvelle-Aquitaine': '016 017 019 023 024 033 040 047 064 079 086 087',
  Occitanie: '009 011 012 030 031 032 034 046 048 065 066 081 082',
  'Pays de la Loire': '044 049 053 072 085',
  "Provence-Alpes-Côte d'Azur": '004 005 006 013 083 084',
  Guadeloupe: '971',
  Martinique: '972',
  Guyane: '973',
  'La Réunion': '974',
  Mayotte: '976',
};

const BY_DEPARTMENT = new Map<string, string>();
for (const [region, departments] of Object.entries(REGIONS)) {
  for (const d of departments.split(' ')) BY_DEPARTMENT.set(d, `CMA ${region}`);
}
BY_DEPARTMENT.set('975', 'CACIMA Saint-Pierre-et-Miquelon');

export function chamberOf(department: string): string {
  const chamber = BY_DEPARTMENT.get(department);
  if (!chamber) throw new Error(`no chamber known for department ${department}`);
  return chamber;
}
