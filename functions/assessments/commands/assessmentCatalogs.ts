/** The catalogs a tenant may run: those that fit its sector and class (tenant profile). */
import { catalogsForSector, type TenantCatalog } from '../../../domain/assessment';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse } from '../../application/failures';

export function tenantCatalogs(context: Pick<TenantCommandContext, 'profile'>): TenantCatalog[] {
  return catalogsForSector(context.profile.sector);
}

/** One of the tenant's catalogs, cut to its class; 404 for a catalog that does not fit the tenant. */
export function requireTenantCatalog(context: Pick<TenantCommandContext, 'profile'>, catalogId: string, field = 'path.catalogId'): TenantCatalog {
  const found = tenantCatalogs(context).find((entry) => entry.catalogId === catalogId);
  if (!found) {
    refuse('notFound', 'CATALOG_NOT_FOUND', { zhTW: `查無適用於貴公司之檢查表 ${catalogId}。`, en: `No catalog ${catalogId} fits the tenant's sector and class.` }, { field });
  }
  return found;
}
