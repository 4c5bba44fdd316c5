import { changeTracker, type Changes } from './record-changes';

describe('changeTracker', () => {
  it('writes a given, different value and records it under its label', () => {
    const entity = { title: 'Old', groups: ['0-6'] as string[] };
    const changes: Changes = {};
    const set = changeTracker(entity, changes);
    set('title', 'New');
    set('groups', ['0-6', '7-12'], 'scope.groups');
    expect(entity).toEqual({ title: 'New', groups: ['0-6', '7-12'] });
    expect(changes).toEqual({ title: { from: 'Old', to: 'New' }, 'scope.groups': { from: ['0-6'], to: ['0-6', '7-12'] } });
  });

  it('ignores a value not given or equal by content', () => {
    const entity = { title: 'Same', groups: ['0-6'] as string[] };
    const changes: Changes = {};
    const set = changeTracker(entity, changes);
    set('title', undefined);
    set('title', 'Same');
    set('groups', ['0-6']);
    expect(changes).toEqual({});
    expect(entity.title).toBe('Same');
  });
});
