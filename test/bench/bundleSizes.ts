/** Minified bundle size of each Lambda entry point, built as the CDK stack builds it (esbuild, ESM, AWS SDK external). */
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export async function measureBundleSizes(root: string) {
  const dir = join(root, 'functions/lambda');
  const entries = readdirSync(dir).filter((name) => name.endsWith('.ts') && name !== 'areaHandler.ts');
  const sizes: { entry: string; bytes: number; gzipBytes: number; bytesWithSdk: number }[] = [];
  for (const entry of entries) {
    const common = { entryPoints: [join(dir, entry)], bundle: true, minify: true, platform: 'node' as const, format: 'esm' as const, target: 'node22', write: false, mainFields: ['module', 'main'], logLevel: 'silent' as const };
    const deployed = await build({ ...common, external: ['@aws-sdk/*'] });
    const withSdk = await build(common);
    const deployedBundle = deployed.outputFiles![0]!.contents;
    const bytes = deployedBundle.byteLength;
    sizes.push({ entry, bytes, gzipBytes: gzipSync(deployedBundle).byteLength, bytesWithSdk: withSdk.outputFiles![0]!.contents.byteLength });
  }
  return sizes;
}
