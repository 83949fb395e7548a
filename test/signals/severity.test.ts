// The severity rule: the highest signal, raised once when two different signals agree at low or medium.
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/model/severity.js';
import { combineSeverity, lowerSeverity } from '../../src/signals/severity.js';
import { compareSignals, type Signal, type SignalId } from '../../src/model/signal.js';

const s = (id: SignalId, severity: Severity): Signal => ({ id, severity, message: id, evidence: [] });

describe('combineSeverity', () => {
  it('no signals, or only info signals: info', () => {
    expect(combineSeverity([])).toBe('info');
    expect(combineSeverity([s('no-baseline', 'info'), s('dormant-token', 'info')])).toBe('info');
  });

  it('the highest signal decides', () => {
    expect(combineSeverity([s('new-ip', 'low'), s('new-country', 'medium')])).toBe('medium');
    expect(combineSeverity([s('new-ip', 'low'), s('privileged-action', 'high')])).toBe('high');
  });

  it('two different signals at the top level raise it once: low → medium, medium → high', () => {
    expect(combineSeverity([s('new-ip', 'low'), s('new-user-agent', 'low')])).toBe('medium');
    expect(combineSeverity([s('new-country', 'medium'), s('okta-threat', 'medium'), s('new-ip', 'low')])).toBe('high');
    expect(combineSeverity([s('privileged-action', 'high'), s('okta-threat', 'high')])).toBe('high');
  });

  it('near miss: agreement below the top level does not raise', () => {
    expect(combineSeverity([s('new-country', 'medium'), s('new-ip', 'low'), s('new-asn', 'low')])).toBe('medium');
  });

  it('signals sort by severity, then by the fixed id order; lowering stops at info', () => {
    const sorted = [s('no-baseline', 'info'), s('new-ip', 'low'), s('okta-threat', 'medium'), s('privileged-action', 'medium')].sort(compareSignals);
    expect(sorted.map((x) => x.id)).toEqual(['privileged-action', 'okta-threat', 'new-ip', 'no-baseline']);
    expect(lowerSeverity('high')).toBe('medium');
    expect(lowerSeverity('info')).toBe('info');
  });
});
