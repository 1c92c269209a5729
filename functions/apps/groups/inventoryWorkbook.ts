/**
 * Area group `inventoryWorkbook`: the inventory table as a CSV/XLSX file (export and import). A
 * Lambda of its own so the inventory Lambda does not load the workbook library for its other routes.
 */
import { inventoryWorkbookArea } from '../../inventory/workbookRoutes';
import type { ApiArea } from '../../http/app';

export const inventoryWorkbookGroup: readonly ApiArea[] = [inventoryWorkbookArea];
