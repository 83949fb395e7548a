// Severity colours: one mapping for rule levels and severities, plain for low and unknown values.
import { describe, expect, it } from 'vitest';
import { rulesLine } from '../../../src/report/table/detection-cells.js';
import { severityStyle } from '../../../src/report/table/severity-style.js';

describe('severityStyle', () => {
  it('maps levels to theme-adapted colours; low, unknown and prototype keys stay plain', () => {
    expect(severityStyle('critical')).toBe('red');
    expect(severityStyle('high')).toBe('red');
    expect(severityStyle('medium')).toBe('yellow');
    expect(severityStyle('informational')).toBe('dim');
    for (const plain of ['low', 'unknown', '', 'constructor', '__proto__', 'toString']) expect(severityStyle(plain)).toBeUndefined();
  });

  it('is what the detection cells use', () => {
    expect(rulesLine([{ id: 'r', title: 'Okta Thing', level: 'high' }]).style).toBe('red');
    expect(rulesLine([{ id: 'r', title: 'Okta Thing', level: 'low' }]).style).toBeUndefined();
  });
});
