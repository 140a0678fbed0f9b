import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyTextEdits } from '../../../../../src/core/documents/edit/text-edit';

describe('applyTextEdits', () => {
  test('applies edits computed on the same text, in any order', () => {
    assert.equal(applyTextEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'AA' }, { start: 3, end: 3, newText: '-' }]), 'AAbc-dEf');
  });

  test('same-offset inserts keep their order', () => {
    assert.equal(applyTextEdits('x', [{ start: 1, end: 1, newText: 'a' }, { start: 1, end: 1, newText: 'b' }]), 'xab');
  });

  test('refuses overlapping edits', () => {
    assert.throws(() => applyTextEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), RangeError);
  });
});
