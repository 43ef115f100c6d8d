/**
 * New-app templates: one real, runnable Apps-Engine app for each of the ten room-event
 * interfaces, plus a blank app. Each has its main class file and an `app.json`.
 */
import { blank } from './blank-template.ts';
import { extendCreate, modifyCreate, postCreate, preventCreate } from './create-templates.ts';
import { postDeleted, preventDelete } from './delete-templates.ts';
import { postJoin, postLeave, preJoin, preLeave } from './membership-templates.ts';
import { appJson, type AppTemplate } from './types.ts';

export type { AppTemplate } from './types.ts';

export const TEMPLATES: AppTemplate[] = [
  preventCreate,
  extendCreate,
  modifyCreate,
  postCreate,
  preventDelete,
  postDeleted,
  preJoin,
  postJoin,
  preLeave,
  postLeave,
  blank,
];

/**
 * The files of a new app made from a template, with its own id and name in `app.json` (two apps
 * made from the same template must not share an id).
 */
export function instantiateTemplate(t: AppTemplate, app: { id: string; name?: string }): Record<string, string> {
  let name = app.name;
  if (name === undefined) {
    try {
      name = (JSON.parse(t.files['app.json'] ?? '{}') as { name?: string }).name;
    } catch {
      name = undefined;
    }
  }
  return { ...t.files, 'app.json': appJson(app.id, name ?? t.label, t.classFile, t.description) };
}
