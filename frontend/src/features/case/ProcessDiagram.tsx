import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import Viewer from 'bpmn-js/lib/Viewer';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { api } from '../../lib/api';

/** The stage's BPMN model with the case's current position outlined. */
export function ProcessDiagram({ caseId }: { caseId: string }) {
  const diagram = useQuery({ queryKey: ['diagram', caseId], queryFn: () => api.diagram(caseId) });
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!diagram.data || !container.current) return;
    const viewer = new Viewer({ container: container.current });
    const { xml, activeActivityIds } = diagram.data;
    viewer.importXML(xml).then(() => {
      const canvas = viewer.get('canvas') as { zoom: (z: string) => void; addMarker: (id: string, m: string) => void };
      canvas.zoom('fit-viewport');
      activeActivityIds.forEach((id) => canvas.addMarker(id, 'casepath-current'));
    });
    return () => viewer.destroy();
  }, [diagram.data]);

  // The model's own names for where the case is (its ids are for the markers above, not for people).
  const steps = diagram.data?.activeSteps ?? [];
  return (
    <figure className="govuk-!-margin-0">
      <div ref={container} className="casepath-diagram" />
      <figcaption className="govuk-body-s">
        {diagram.data ? `Process diagram: ${diagram.data.processName}` : 'Process diagram (loading)'}; the current step is outlined in red.{' '}
        {steps.length ? `Now at: ${steps.map((s) => s.name).join(', ')}.` : 'The case has finished its journey.'}
      </figcaption>
    </figure>
  );
}
