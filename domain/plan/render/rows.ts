/**
 * Minimal row shapes for the tables other modules own (data inventory, risk assessment,
 * vendors). The renderer takes them as plain arrays so the plan module does not depend on
 * those modules; their owners map their records onto these rows.
 */
import type { IsoDate } from '../../shared/isoDate';

/** One line of the §3 inventory table (seed 000 line 61). */
export interface InventoryRow {
  fileId: string;
  /** 業務流程/個資檔案名稱 */
  name: string;
  /** 特定目的 */
  purpose: string;
  /** 個人資料類別及內容 */
  dataCategories: string;
  /** 預計處理或利用方式 */
  processing: string;
  /** 法律依據 */
  legalBasis: string;
  /** 處理或利用地區 */
  region: string;
  /** 處理或利用期間 */
  retentionPeriod: string;
  /** 資料筆數: a number, or the plan's wording (OOO筆, 僅代管伺服器無法控制資料) */
  recordCount: number | string;
  /** 處理及利用軌跡紀錄存放位置 */
  trailLocation: string;
}

/** One line of the §4(2) risk assessment table. */
export interface RiskRow {
  fileName: string;
  categoryScore: number;
  attributeScore: number;
  recordCountScore: number;
  /** A + B + C */
  value: number;
  scenario: string;
  riskType: string;
  countermeasure: string;
}

/** One line of the §13(2) vendor oversight table. */
export interface VendorRow {
  name: string;
  contractFrom?: IsoDate;
  contractTo?: IsoDate;
  /** 委外內容 */
  scope: string;
  /** 稽核方式 */
  oversightMethod: string;
}

export interface PlanTableRows {
  inventory?: readonly InventoryRow[];
  risks?: readonly RiskRow[];
  vendors?: readonly VendorRow[];
}
