/** HTTP: the mocks apps' http calls are answered from, and the log of those calls. */
import type { SectionProps } from './common.tsx';
import { HttpLog } from './HttpLog.tsx';
import { MocksTable } from './MocksTable.tsx';

export function HttpSection(props: SectionProps) {
  return (
    <section className="hsw-section" data-testid="world-http" aria-label="HTTP">
      <MocksTable {...props} />
      <HttpLog {...props} />
    </section>
  );
}
