/**
 * The contract hints' codes and the rule each one explains, in plain words, with the section of
 * the reference it comes from (`spec §N` = section N of docs/rules/, "The rules hookscope
 * simulates"). The UI shows `rule` under the hint's message.
 */
export type HintCode =
  | 'never-called'
  | 'no-membership-check'
  | 'qualified-implements'
  | 'missing-execute'
  | 'no-effect-call'
  | 'pre-membership-return'
  | 'chain-no-return'
  | 'dropped-field'
  | 'setdata-replaces';

export const RULES: Record<HintCode, string> = {
  'never-called':
    'Rocket.Chat calls an app for a room event only if the `implements` clause of its main class file names the interface: the apps compiler reads that clause when the app is packaged. A method without it is never called. (spec §2)',
  'no-membership-check':
    'Join and leave events have no check method: Rocket.Chat calls only the execute method, so a check method for them is never called. (spec §1)',
  'qualified-implements':
    'The apps compiler records each `implements` entry by the name as written and keeps only plain Apps-Engine interface names, so a qualified name like `rooms.IPreRoomCreatePrevent` registers nothing. Import the interface and write its plain name. (spec §2)',
  'missing-execute':
    'An interface listed in `implements` without its execute method makes the app runtime answer "method not found". The host does not swallow that error: it escapes the listener loop and the action fails. (spec §2, §5)',
  'no-effect-call':
    'IRoomExtender.addMember and the IRoomBuilder member methods (addUsername, setUsernames, addMemberToBeAddedByUsername, setMembersToBeAddedByUsernames) only fill a local list that Rocket.Chat never reads: nobody is added to the room. (spec §6, §9)',
  'pre-membership-return':
    'Rocket.Chat reads no return value from a Pre join or Pre leave handler. Only throwing an AppsEngineException (for example UserNotAllowedException) blocks the user, and its message becomes the error the user sees. (spec §4)',
  'chain-no-return':
    "Extend and Modify are a chain: each app's returned room replaces the room for the next app. If a handler returns nothing, the room becomes null, every later Extend/Modify app is skipped and no Extend or Modify change from any app is applied (the room is still created from the original data). Return the room, e.g. `extend.getRoom()` / `builder.getRoom()`. (spec §4)",
  'dropped-field':
    'After Extend/Modify, Rocket.Chat copies back only some room fields (type, displayName, slugifiedName, isDefault, isReadOnly, displaySystemMessages, creator, customFields, ...). description, teamId, isTeamMain and membership are not among them: setting them here changes nothing. (spec §6)',
  'setdata-replaces':
    "`IRoomBuilder.setData(data)` does not merge: it replaces the builder's whole room with `data` (dropping `id`). Every change made on the builder before it (setSlugifiedName, setDisplayName, addCustomField...) is lost, and so is every room field `data` does not carry. Call setData first, or pass the full room: `builder.setData({ ...builder.getRoom(), ...changes })`. (spec §6)",
};
