/**
 * Sectors a tenant can belong to, the sector regulation that governs it and the competent
 * authority it reports to. Kept as data: a new or amended regulation is a new row, not code.
 * Contact details are only filled where a source document gives them (seed 002 for 經濟部);
 * the rest are null until verified — the regulator form still names the authority.
 */
import type { LocalizedText } from '../shared/localizedText';

export interface CompetentAuthority {
  code: string;
  name: LocalizedText;
  phone: string | null;
  email: string | null;
  /** The incident notification form the authority expects. */
  notificationForm: LocalizedText;
  source: string | null;
}

export const authorityDirectory: Record<string, CompetentAuthority> = {
  moda: {
    code: 'moda',
    name: { zhTW: '數位發展部', en: 'Ministry of Digital Affairs' },
    phone: null,
    email: null,
    notificationForm: { zhTW: '數位經濟相關產業個人資料檔案安全維護管理辦法附表二 業者個人資料外洩通報表', en: 'K0010162 Table 2: personal data breach notification form' },
    source: 'K0010162 Art. 8',
  },
  moea: {
    code: 'moea',
    name: { zhTW: '經濟部', en: 'Ministry of Economic Affairs' },
    phone: '02-27541255#2427',
    email: 'psyang@ida.gov.tw',
    notificationForm: { zhTW: '製造業及技術服務業個人資料檔案安全維護管理辦法附表二', en: 'J0030130 Table 2: incident notification form' },
    source: 'seed 002 (經濟部 leaflet), J0030130 Art. 6',
  },
  mac: {
    code: 'mac',
    name: { zhTW: '大陸委員會', en: 'Mainland Affairs Council' },
    phone: null,
    email: null,
    notificationForm: { zhTW: '個人資料侵害事故通報與紀錄表', en: 'Personal data infringement incident notification and record form' },
    source: 'Q0010012 Art. 6',
  },
  other: {
    code: 'other',
    name: { zhTW: '其他目的事業主管機關', en: 'Other competent authority' },
    phone: null,
    email: null,
    notificationForm: { zhTW: '目的事業主管機關指定之通報表', en: 'Form designated by the competent authority' },
    source: null,
  },
};

export const sectorCodes = [
  'digitalEconomy',
  'manufacturingAndTechnicalServices',
  'mainlandAffairsDesignated',
  'ecommercePlatformClassI',
  'ecommercePlatformClassII',
  'ecommerceSupplierClassI',
  'ecommerceSupplierClassII',
  'ecommerceLogisticsClassI',
  'ecommerceLogisticsClassII',
  'generalMerchandiseRetail',
  'other',
] as const;
export type SectorCode = (typeof sectorCodes)[number];

export interface Sector {
  code: SectorCode;
  name: LocalizedText;
  /** pcode of the governing sector regulation in law.moj.gov.tw, when one is known. */
  regulationPcode: string | null;
  authorityCode: keyof typeof authorityDirectory;
}

export const sectors: Record<SectorCode, Sector> = {
  digitalEconomy: { code: 'digitalEconomy', name: { zhTW: '數位經濟相關產業', en: 'Digital economy industries' }, regulationPcode: 'K0010162', authorityCode: 'moda' },
  manufacturingAndTechnicalServices: { code: 'manufacturingAndTechnicalServices', name: { zhTW: '製造業及技術服務業', en: 'Manufacturing and technical services' }, regulationPcode: 'J0030130', authorityCode: 'moea' },
  mainlandAffairsDesignated: { code: 'mainlandAffairsDesignated', name: { zhTW: '大陸委員會指定非公務機關', en: 'Non-government agencies designated by the Mainland Affairs Council' }, regulationPcode: 'Q0010012', authorityCode: 'mac' },
  // E-commerce: online shopping (電子購物及郵購業) is listed in K0010162 Table 1 since the 2022
  // transfer of duties to 數位發展部; the e-commerce security standard (seed 003) grades class I/II.
  ecommercePlatformClassI: { code: 'ecommercePlatformClassI', name: { zhTW: '電子商務平台（第一級）', en: 'E-commerce platform (class I)' }, regulationPcode: 'K0010162', authorityCode: 'moda' },
  ecommercePlatformClassII: { code: 'ecommercePlatformClassII', name: { zhTW: '電子商務平台（第二級）', en: 'E-commerce platform (class II)' }, regulationPcode: 'K0010162', authorityCode: 'moda' },
  ecommerceSupplierClassI: { code: 'ecommerceSupplierClassI', name: { zhTW: '電子商務供應商（第一級）', en: 'E-commerce supplier (class I)' }, regulationPcode: 'K0010162', authorityCode: 'moda' },
  ecommerceSupplierClassII: { code: 'ecommerceSupplierClassII', name: { zhTW: '電子商務供應商（第二級）', en: 'E-commerce supplier (class II)' }, regulationPcode: 'K0010162', authorityCode: 'moda' },
  ecommerceLogisticsClassI: { code: 'ecommerceLogisticsClassI', name: { zhTW: '電子商務物流業者（第一級）', en: 'E-commerce logistics provider (class I)' }, regulationPcode: null, authorityCode: 'other' },
  ecommerceLogisticsClassII: { code: 'ecommerceLogisticsClassII', name: { zhTW: '電子商務物流業者（第二級）', en: 'E-commerce logistics provider (class II)' }, regulationPcode: null, authorityCode: 'other' },
  generalMerchandiseRetail: { code: 'generalMerchandiseRetail', name: { zhTW: '綜合商品零售業', en: 'General merchandise retail' }, regulationPcode: 'J0080062', authorityCode: 'moea' },
  other: { code: 'other', name: { zhTW: '其他', en: 'Other' }, regulationPcode: null, authorityCode: 'other' },
};

export function authorityForSector(sector: SectorCode): CompetentAuthority {
  return authorityDirectory[sectors[sector].authorityCode]!;
}
