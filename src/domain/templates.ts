// APIO provisioning templates (templateName): templates/<category>/<name>.json, read and checked
// at start-up. `default_values` fill only what a request lacks, deeply, with the id-rule placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileIdRule } from '../ids/index.js';
import type { IdRule, IdRuleContext } from '../ids/index.js';
import { ApioError } from './errors.js';
import { renderTemplateValues } from './generated-ids.js';

export interface Template {
  name: string;
  description: string;
  defaultValues: Record<string, unknown>;
}

export class TemplateCatalogue {
  private constructor(private readonly byCategory: Map<string, Map<string, Template>>) {}

  /** Loads every category folder; a malformed template stops start-up with its file name. */
  static load(templatesDir: string): TemplateCatalogue {
    const byCategory = new Map<string, Map<string, Template>>();
    for (const category of readdirSync(templatesDir, { withFileTypes: true })) {
      if (!category.isDirectory()) continue;
      const templates = new Map<string, Template>();
      for (const file of readdirSync(join(templatesDir, category.name))) {
        if (!file.endsWith('.json')) continue;
        const path = join(templatesDir, category.name, file);
        templates.set(basename(file, '.json'), parseTemplate(path, basename(file, '.json')));
      }
      byCategory.set(category.name, templates);
    }
    return new TemplateCatalogue(byCategory);
  }

  get(category: string, name: string): Template {
    const template = this.byCategory.get(category)?.get(name);
    if (!template) {
      throw new ApioError('UNKNOWN_TEMPLATE', `unknown template '${name}' for ${category}`, {
        problems: [{ path: 'templateName', message: `no template named '${name}'` }],
      });
    }
    return template;
  }

  names(category: string): string[] {
    return [...(this.byCategory.get(category)?.keys() ?? [])];
  }
}

function parseTemplate(path: string, name: string): Template {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`template ${path}: ${(error as Error).message}`);
  }
  const object = json as { description?: unknown; default_values?: unknown };
  if (typeof object !== 'object' || object === null || typeof object.default_values !== 'object' || object.default_values === null) {
    throw new Error(`template ${path}: needs a "default_values" object`);
  }
  checkPlaceholders(object.default_values, `template ${path}: default_values`);
  return {
    name,
    description: typeof object.description === 'string' ? object.description : '',
    defaultValues: object.default_values as Record<string, unknown>,
  };
}

/** Every string with a placeholder must compile as an id rule (unknown placeholders fail here). */
function checkPlaceholders(value: unknown, label: string): void {
  if (typeof value === 'string') {
    if (value.includes('{{')) compileIdRule(value, label);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkPlaceholders(item, `${label}[${index}]`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) checkPlaceholders(item, `${label}.${key}`);
  }
}

/** Fills what `target` lacks from `defaults`, recursing into objects; arrays and values are taken whole. */
export function fillMissing(target: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(defaults)) {
    const current = out[key];
    if (current === undefined) out[key] = value;
    else if (isPlainObject(current) && isPlainObject(value)) out[key] = fillMissing(current, value);
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request with its template applied: the template's id rule (its serviceUserId), if any. */
export interface Templated {
  body: Record<string, unknown>;
  idRule?: IdRule;
}

/**
 * APIO applies a template after validating the request: its default values, rendered with the
 * request's rule context, fill only what the request lacks; its serviceUserId is an id rule.
 */
export function applyTemplate(template: Template, request: Record<string, unknown>, context: IdRuleContext): Templated {
  const { serviceUserId: rule, ...defaults } = template.defaultValues;
  return {
    body: fillMissing(request, renderTemplateValues(defaults, context)),
    ...(typeof rule === 'string' && { idRule: compileIdRule(rule, `template ${template.name}`) }),
  };
}
