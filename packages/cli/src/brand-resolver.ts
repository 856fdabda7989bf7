import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Brand, BrandProblem } from '@brandsafe/brand-kit';
import type { BrandKitApi } from './deps.js';
import { CliError } from './errors.js';
import { formatProblem, sortProblems } from './problems.js';

/** Where a brand graph lives in a workspace, relative to the workspace root. */
export const BRAND_FILE = join('.brandsafe', 'brand.ttl');

export interface LoadedBrand {
  /** Absolute path of the brand file. */
  path: string;
  brand: Brand;
  /** SHACL and model problems that did not stop the model from being built. */
  problems: BrandProblem[];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds and loads the brand graph for each checked file: `--brand` when given, else the nearest
 * `.brandsafe/brand.ttl` in the file's directory or an ancestor (so one run over a monorepo can
 * check each brand's variations against that brand). Lookups are cached per directory and loads
 * per brand file, so 200 files under one brand cost one search and one load.
 *
 * A brand file that cannot be read or has a Turtle syntax error is a configuration error (exit 2)
 * with the `file:line:col` of the error: checking against half a brand would mislead.
 */
export class BrandResolver {
  private readonly dirCache = new Map<string, Promise<string | undefined>>();
  private readonly loads = new Map<string, Promise<LoadedBrand>>();

  constructor(
    private readonly options: {
      cwd: string;
      /** `--brand`, as typed. */
      explicit?: string;
      brandKit: () => Promise<BrandKitApi>;
      /** How to print a path in an error message. */
      display: (absPath: string) => string;
    },
  ) {}

  /** The brand for a file, or `undefined` when there is none to be found. */
  async brandFor(file: string): Promise<LoadedBrand | undefined> {
    const path = this.options.explicit
      ? resolve(this.options.cwd, this.options.explicit)
      : await this.find(dirname(file));
    if (path === undefined) return undefined;
    let load = this.loads.get(path);
    if (!load) {
      load = this.load(path);
      this.loads.set(path, load);
    }
    return load;
  }

  /** All brands loaded so far (for notes about their problems). */
  async loaded(): Promise<LoadedBrand[]> {
    return Promise.all(this.loads.values());
  }

  private find(dir: string): Promise<string | undefined> {
    let cached = this.dirCache.get(dir);
    if (!cached) {
      cached = (async () => {
        const candidate = join(dir, BRAND_FILE);
        if (await isFile(candidate)) return candidate;
        const parent = dirname(dir);
        return parent === dir ? undefined : this.find(parent);
      })();
      this.dirCache.set(dir, cached);
    }
    return cached;
  }

  private async load(path: string): Promise<LoadedBrand> {
    const shown = this.options.display(path);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (cause) {
      const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
      throw new CliError('BRAND_UNREADABLE', `Cannot read brand file ${shown} (${reason}).`, { cause });
    }
    const kit = await this.options.brandKit();
    const result = await kit.loadBrand(text, { file: path });
    const problems = sortProblems(result.problems);
    const syntax = problems.find((p) => p.kind === 'turtle-syntax');
    if (syntax) {
      throw new CliError('BRAND_INVALID', `Brand file has a Turtle syntax error: ${formatProblem(shown, syntax)}`);
    }
    if (!result.brand) {
      const first = problems.find((p) => p.severity === 'error') ?? problems[0];
      const detail = first ? `: ${formatProblem(shown, first)}` : '.';
      throw new CliError('BRAND_INVALID', `Brand file ${shown} does not describe a brand${detail}`);
    }
    return { path, brand: result.brand, problems };
  }
}
