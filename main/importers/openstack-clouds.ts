import { LineCounter, parseDocument, visit, type ErrorCode } from 'yaml';
import type { ImportResult, TextFile } from './import-candidate';
import { isRecord, openStackCandidate } from './openstack-entry';

export interface OpenStackConfigFiles {
  /** clouds.yaml (or .yml). */
  clouds: TextFile;
  /** secure.yaml, whose entries are deep-merged over clouds.yaml's, cloud by cloud. */
  secure?: TextFile | null;
}

/**
 * Proposes one candidate per cloud in clouds.yaml. Policy: either file being invalid YAML, or not
 * having a `clouds:` mapping, is an error that proposes nothing (a half-read secure.yaml would
 * silently drop passwords); within valid files, each broken cloud is proposed without a draft and
 * with its reasons, and the other clouds still are. Duplicate keys count as invalid YAML.
 */
export function importOpenStackClouds(files: OpenStackConfigFiles): ImportResult {
  const clouds = readClouds(files.clouds, true);
  const secure = files.secure ? readClouds(files.secure, false) : { clouds: {}, error: null };
  const errors = [clouds.error, secure.error].filter((e): e is string => e !== null);
  if (errors.length > 0) return { candidates: [], errors };

  const names = [...new Set([...Object.keys(clouds.clouds), ...Object.keys(secure.clouds)])];
  const candidates = names.map((name) => {
    const inSecure = name in secure.clouds;
    const sources = [
      ...(name in clouds.clouds ? [files.clouds.path] : []),
      ...(inSecure && files.secure ? [files.secure.path] : []),
    ];
    const base = clouds.clouds[name];
    const merged = deepMerge(base, secure.clouds[name]);
    return openStackCandidate({
      name,
      source: `${sources.join(' + ')} (cloud ${name})`,
      entry: isRecord(merged) ? merged : {},
      label: (key) => key,
    });
  });
  return { candidates, errors: [] };
}

function readClouds(
  file: TextFile,
  required: boolean,
): { clouds: Record<string, unknown>; error: string | null } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text.replace(/^\uFEFF/, ''), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    return {
      clouds: {},
      error: `${file.path} is not valid YAML (line ${line}, column ${col}): ${describeYamlError(first.code)}. Nothing was imported from it.`,
    };
  }
  // Keep numbers as written (project ids like 1e10 or 0123 must not become 10000000000 or 123).
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' || typeof node.value === 'bigint')
        node.value = node.source ?? String(node.value);
    },
  });
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return {
      clouds: {},
      error: `${file.path} could not be read as data (an alias refers to a missing anchor, or aliases expand to too much). Nothing was imported from it.`,
    };
  }
  if (root === null || root === undefined) {
    return required
      ? { clouds: {}, error: `${file.path} is empty: it defines no clouds.` }
      : { clouds: {}, error: null };
  }
  if (!isRecord(root) || !isRecord(root.clouds)) {
    return {
      clouds: {},
      error: `${file.path} has no \`clouds:\` section mapping cloud names to their settings.`,
    };
  }
  return { clouds: root.clouds, error: null };
}

/** secure.yaml's values win; mappings merge key by key, lists and scalars are replaced whole. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isRecord(base) || !isRecord(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge(base[key], value);
  return out;
}

/** yaml's own messages may quote the text (and so a password): we describe the error by its code. */
function describeYamlError(code: ErrorCode): string {
  const plain: Partial<Record<ErrorCode, string>> = {
    DUPLICATE_KEY: 'a key is written twice in the same mapping',
    BAD_INDENT: 'the indentation is inconsistent',
    TAB_AS_INDENT: 'a tab is used for indentation; YAML allows spaces only',
    MISSING_CHAR: 'a closing quote or bracket is missing',
    BAD_DQ_ESCAPE: 'a double-quoted value has an invalid \\ escape',
    MULTILINE_IMPLICIT_KEY: 'a key runs over several lines (often a missing colon or quote)',
    BLOCK_AS_IMPLICIT_KEY: 'a nested block is used as a key (often a missing colon)',
    UNEXPECTED_TOKEN: 'there is an unexpected character',
    BAD_ALIAS: 'an alias refers to an anchor that is not defined',
    MULTIPLE_DOCS: 'the file holds several YAML documents',
    RESOURCE_EXHAUSTION: 'aliases expand to too much data',
    BAD_SCALAR_START: 'a value starts with a reserved character (quote it)',
  };
  return plain[code] ?? 'the YAML is malformed';
}
