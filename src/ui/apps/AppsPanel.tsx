/** The left column: apps in listener order, then the selected app's details and files. */
import { useShallow } from 'zustand/react/shallow';
import { metaOf } from '../../workspace/app-files.ts';
import { useStore } from '../../state/store.ts';
import { selectAppIds, selectSelectedApp } from '../../state/selectors.ts';
import { AddAppMenu } from './AddAppMenu.tsx';
import { AppDetails } from './AppDetails.tsx';
import { AppRow } from './AppRow.tsx';
import { FileTree } from './FileTree.tsx';
import { OpenFolderButton, OpenZipInput, ProjectDropZone } from './OpenProject.tsx';

export function AppsPanel() {
  const ids = useStore(useShallow(selectAppIds));
  const selected = useStore(selectSelectedApp);
  return (
    <ProjectDropZone className="apps-panel">
      <div className="panel-header">
        <h2 className="panel-title" title="Enabled apps are called in this order (the order in which they were last enabled).">
          Apps
        </h2>
        <OpenFolderButton />
        <OpenZipInput />
        <AddAppMenu />
      </div>
      <ol className="app-list" data-testid="app-list" aria-label="Apps in listener order">
        {ids.map((id, i) => (
          <AppRow key={id} id={id} index={i} count={ids.length} />
        ))}
      </ol>
      {ids.length === 0 && <p className="muted pad">No apps. Add one with “+ New app”, or drop an app folder here.</p>}
      {selected && (
        <div className="app-detail" key={selected.id}>
          <FileTree app={selected} />
          <AppDetails key={JSON.stringify(metaOf(selected))} app={selected} />
        </div>
      )}
    </ProjectDropZone>
  );
}
