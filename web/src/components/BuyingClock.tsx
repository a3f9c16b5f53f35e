// The buying clock: the twelve stages in three coloured phases, every DMU member at their most
// likely stage (size by influence, an arc for the spread of their distribution, faded when stale).
// Each member is focusable; the focused one is described in words below the clock.

import { useState } from 'preact/hooks';
import type { MemberReadiness } from '../api/types';
import {
  PHASE_ARCS,
  STAGE_SPAN,
  arcPath,
  isStale,
  placeMembers,
  polar,
  spread,
  stageAngle,
  type Point,
} from '../clock/geometry';
import { formatNumber, formatPercent, formatRelativeDays, initials } from '../format';
import { label, t } from '../i18n';
import { PHASES, STAGES, stageIndex } from '../vocabulary';

export interface ClockMember {
  contact_id: string;
  name: string;
  role: string;
  influence: number;
  stance?: string;
  /** absent when the server cannot infer readiness yet */
  readiness?: MemberReadiness;
}

const WIDTH = 760;
const HEIGHT = 640;
const CENTER: Point = { x: WIDTH / 2, y: HEIGHT / 2 };
const PHASE_RADIUS = 250;
const LABEL_RADIUS = 268;
const HUB_RADIUS = 82;
const PLACEMENT = { radius: 206, laneStep: 40, minSize: 12, maxSize: 22 };

/** Stage labels sit outside the ring: anchored away from the clock on its left and right. */
function labelAnchor(angle: number): 'start' | 'middle' | 'end' {
  if (angle > 20 && angle < 160) return 'start';
  if (angle > 200 && angle < 340) return 'end';
  return 'middle';
}

export function describeMember(member: ClockMember, asOf: Date, staleDays: number): string {
  const base = {
    name: member.name,
    role: label('role', member.role),
    influence: formatNumber(member.influence, undefined, 2),
  };
  const readiness = member.readiness;
  if (!readiness) return t('clock.memberNoReadiness', base);
  const range = spread(readiness.distribution, stageIndex(readiness.stage));
  const evidence = readiness.last_evidence_at
    ? t('clock.lastEvidence', { when: formatRelativeDays(readiness.last_evidence_at, asOf) })
    : t('clock.noEvidence');
  const stale = isStale(readiness.last_evidence_at, asOf, staleDays) ? ` ${t('clock.staleNote', { days: staleDays })}` : '';
  return (
    t('clock.member', {
      ...base,
      stage: label('stage', readiness.stage),
      confidence: formatPercent(readiness.confidence),
      from: label('stage', STAGES[range.first] ?? readiness.stage),
      to: label('stage', STAGES[range.last] ?? readiness.stage),
      evidence,
    }) + stale
  );
}

export function BuyingClock({
  members,
  asOf,
  dmuStage,
  alignment,
  staleDays = 30,
}: {
  members: ClockMember[];
  asOf: Date;
  dmuStage?: string;
  alignment?: number;
  staleDays?: number;
}) {
  const [active, setActive] = useState<string | null>(null);
  const placed = placeMembers(
    members.filter((m) => m.readiness).map((m) => ({ id: m.contact_id, stage: m.readiness?.stage ?? '', influence: m.influence })),
    PLACEMENT,
  );
  const byId = new Map(members.map((m) => [m.contact_id, m]));
  const activeMember = active ? byId.get(active) : undefined;

  return (
    <figure class="clock">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-labelledby="clock-title"
        aria-describedby="clock-desc"
        class="clock-svg"
      >
        <title id="clock-title">{t('clock.title')}</title>
        <desc id="clock-desc">{t('clock.description', { days: staleDays })}</desc>
        {PHASE_ARCS.map((arc) => (
          <path
            key={arc.phase}
            d={arcPath(CENTER, PHASE_RADIUS, arc.start + 1, arc.end - 1)}
            class={`phase-arc phase-${arc.phase}`}
            aria-hidden="true"
          />
        ))}
        {STAGES.map((stage, i) => {
          const angle = stageAngle(i);
          const edgeFrom = polar(CENTER, HUB_RADIUS + 4, angle - STAGE_SPAN / 2);
          const edgeTo = polar(CENTER, PHASE_RADIUS - 10, angle - STAGE_SPAN / 2);
          const anchor = labelAnchor(angle);
          // Top and bottom labels move further out so their two lines clear the ring.
          const vertical = Math.abs(Math.cos((angle * Math.PI) / 180));
          const at = polar(CENTER, LABEL_RADIUS + vertical * 14, angle);
          const number = polar(CENTER, PHASE_RADIUS, angle);
          const words = label('stage', stage).split(' ');
          const lines = words.length > 1 ? [words.slice(0, Math.ceil(words.length / 2)).join(' '), words.slice(Math.ceil(words.length / 2)).join(' ')] : words;
          const highlight = dmuStage === stage;
          return (
            <g key={stage} aria-hidden="true">
              <line x1={edgeFrom.x} y1={edgeFrom.y} x2={edgeTo.x} y2={edgeTo.y} class="stage-edge" />
              <text x={number.x} y={number.y} class="stage-number" dominant-baseline="central" text-anchor="middle">
                {i + 1}
              </text>
              <text x={at.x} y={at.y - (lines.length - 1) * 7} class={highlight ? 'stage-label current' : 'stage-label'} text-anchor={anchor} dominant-baseline="central">
                {lines.map((line, k) => (
                  <tspan key={k} x={at.x} dy={k === 0 ? 0 : 14}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        <circle cx={CENTER.x} cy={CENTER.y} r={HUB_RADIUS} class="clock-hub" aria-hidden="true" />
        {dmuStage && (
          <text x={CENTER.x} y={CENTER.y - 12} class="hub-stage" text-anchor="middle" aria-hidden="true">
            {label('stage', dmuStage)}
          </text>
        )}
        {alignment !== undefined && (
          <text x={CENTER.x} y={CENTER.y + 16} class="hub-alignment" text-anchor="middle" aria-hidden="true">
            {`${t('opp.alignment')} ${formatPercent(alignment)}`}
          </text>
        )}
        {placed.map((place) => {
          const member = byId.get(place.id);
          const readiness = member?.readiness;
          if (!member || !readiness) return null;
          const range = spread(readiness.distribution, stageIndex(readiness.stage));
          const stale = isStale(readiness.last_evidence_at, asOf, staleDays);
          const point = polar(CENTER, place.radius, place.angle);
          const spreadArc =
            range.width > 1
              ? arcPath(CENTER, place.radius, stageAngle(range.first) - STAGE_SPAN / 2 + 3, stageAngle(range.last) + STAGE_SPAN / 2 - 3)
              : null;
          return (
            <g
              key={place.id}
              class={`member${stale ? ' stale' : ''}${active === place.id ? ' active' : ''}`}
              data-contact-id={place.id}
              data-stage={readiness.stage}
              tabIndex={0}
              role="img"
              aria-label={describeMember(member, asOf, staleDays)}
              onFocus={() => setActive(place.id)}
              onMouseEnter={() => setActive(place.id)}
            >
              {spreadArc && <path d={spreadArc} class={`spread stance-${member.stance ?? 'neutral'}`} />}
              <g class="dot" style={{ transform: `translate(${point.x}px, ${point.y}px)` }}>
                <circle r={place.size} class={`dot-circle stance-${member.stance ?? 'neutral'}`} />
                <text class="dot-initials" text-anchor="middle" dominant-baseline="central" style={{ fontSize: `${Math.round(place.size * 0.8)}px` }}>
                  {initials(member.name)}
                </text>
              </g>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="phase-legend" aria-label={t('clock.title')}>
          {PHASES.map((phase) => (
            <li key={phase}>
              <span class={`swatch phase-${phase}`} aria-hidden="true" />
              {label('phase', phase)}
            </li>
          ))}
        </ul>
        <p class="clock-detail" aria-live="polite">
          {activeMember ? describeMember(activeMember, asOf, staleDays) : ''}
        </p>
      </figcaption>
    </figure>
  );
}
