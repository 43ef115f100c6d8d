/** A starting point for a new app: a real Apps-Engine app (main class file + app.json). */
export interface AppTemplate {
  id: string;
  label: string;
  /** The room-event interface it implements (one of the ten), or '' for the blank app. */
  interfaceName: string;
  description: string;
  /** The main class file, a key of `files`. */
  classFile: string;
  /** Main class file and app.json. */
  files: Record<string, string>;
}

/** The `app.json` of a template app, as `rc-apps create` writes it. */
export function appJson(id: string, name: string, classFile: string, description: string): string {
  const manifest = {
    id,
    version: '0.0.1',
    requiredApiVersion: '^1.66.0',
    iconFile: 'icon.png',
    author: { name: 'Me', homepage: 'https://example.com', support: 'https://example.com/support' },
    name,
    nameSlug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    classFile,
    description,
  };
  return `${JSON.stringify(manifest, null, 4)}\n`;
}

export function template(t: Omit<AppTemplate, 'files'> & { appId: string; name: string; source: string }): AppTemplate {
  const { appId, name, source, ...rest } = t;
  return { ...rest, files: { [t.classFile]: source, 'app.json': appJson(appId, name, t.classFile, t.description) } };
}
