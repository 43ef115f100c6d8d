/** The help texts: `hookscope --help`, `hookscope <command> --help`. */
import { PROFILES } from '../engine/profiles.ts';

const profiles = () =>
  Object.values(PROFILES)
    .filter((p) => p.available)
    .map((p) => p.id)
    .join(', ');

export const MAIN_USAGE = `usage: hookscope <command> [options]

A visual debugger and test runner for Rocket.Chat Apps-Engine room event handlers.

commands:
  run <scenario.json|glob>...   run scenarios headless (CI); exit 0 passed, 1 failed, 2 bad input
  dev [dir]                     open the workbench on the app in dir (default: .), reload on save
  schema                        print the JSON Schema of the scenario format

options:
  -h, --help      this text (hookscope <command> --help for a command's options)
  -v, --version   the version`;

export const RUN_USAGE = () => `usage: hookscope run <scenario.json|glob>... [options]

Runs each scenario's steps through the Rocket.Chat room-event pipeline: apps given by "path" are
read from their folder (relative to the scenario file). Several files and globs run in one
process ('hookscope/*.json', quoted so the shell leaves the glob to hookscope).

options:
  --reporter <r>   pretty | json | junit | tap (default: pretty on a terminal, else json)
  --out <file>     write the report to this file instead of stdout
  --app <dir>      the app in this folder replaces the scenario's app with the same id
                   (or its only app; a scenario without apps gets it)
  --profile <id>   run under this Apps-Engine version profile instead of the file's:
                   ${profiles()}
  --jobs <n>       run up to n files at the same time (default 1)
  --typecheck      first type-check each app folder with its tsconfig and the real
                   @rocket.chat/apps-engine types (as rc-apps package does); errors fail the run
  --timings        include call durations in the report
  -h, --help       this text

Exit code: 0 every scenario ran and every step's "expect" matched; 1 an expect did not match, an
app did not load or is not enabled, or --typecheck found errors (the reason is on stderr); 2 a
file could not be read, is not a valid scenario, or the options are wrong.`;

export const DEV_USAGE = `usage: hookscope dev [dir] [options]

Serves the workbench (from the installed package; nothing from the internet) on the app project
in dir (default: the current folder). Saving a file in your editor reloads the app in the page
and runs the last action again. Edits made in the page are written back to the folder only when
you press "Save to folder".

options:
  --port <n>     port on 127.0.0.1 (default 4173; 0 picks a free one)
  --open         open the page in the default browser
  -h, --help     this text`;

export const SCHEMA_USAGE = `usage: hookscope schema [--out <file>]

Prints the JSON Schema of the scenario format (also shipped as hookscope/scenario.schema.json:
point "$schema" at it and editors complete scenario files).`;
