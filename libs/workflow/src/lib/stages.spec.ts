import { INITIAL_STAGE, STAGES, isStage, stageIndex } from './stages';

describe('stages', () => {
  it('starts every assessment at screening and ends at closed', () => {
    expect(INITIAL_STAGE).toBe('screening');
    expect(STAGES[0]).toBe('screening');
    expect(STAGES[STAGES.length - 1]).toBe('closed');
  });

  it('recognises only known stages', () => {
    expect(isStage('draft')).toBe(true);
    expect(isStage('Draft')).toBe(false);
    expect(isStage(3)).toBe(false);
  });

  it('orders consultation before review and decision before follow-up', () => {
    expect(stageIndex('consultation')).toBeLessThan(stageIndex('review'));
    expect(stageIndex('decided')).toBeLessThan(stageIndex('follow_up'));
  });
});
