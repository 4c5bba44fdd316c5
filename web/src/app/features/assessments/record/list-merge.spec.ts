import { mergeListByKey } from './list-merge';

interface Item {
  id: string;
  text: string;
}
const item = (id: string, text = id) => ({ id, text });
const merge = (base: Item[], mine: Item[], theirs: Item[]) => mergeListByKey(base, mine, theirs, (i) => i.id);

describe('mergeListByKey', () => {
  const base = [item('a'), item('b'), item('c')];

  it('keeps both sides’ edits to different items', () => {
    expect(merge(base, [item('a', 'A mine'), item('b'), item('c')], [item('a'), item('b'), item('c', 'C theirs')])).toEqual([
      item('a', 'A mine'),
      item('b'),
      item('c', 'C theirs'),
    ]);
  });

  it('keeps an item each side added, each after the item it followed', () => {
    expect(merge(base, [item('a'), item('m'), item('b'), item('c')], [item('a'), item('b'), item('c'), item('t')])).toEqual([
      item('a'),
      item('m'),
      item('b'),
      item('c'),
      item('t'),
    ]);
    expect(merge(base, [item('m'), ...base], base)).toEqual([item('m'), ...base]);
  });

  it('removes what one side removed and the other left alone', () => {
    expect(merge(base, [item('a'), item('c')], [item('a', 'A theirs'), item('b'), item('c')])).toEqual([item('a', 'A theirs'), item('c')]);
    expect(merge(base, [item('a'), item('b'), item('c', 'C mine')], [item('b'), item('c')])).toEqual([item('b'), item('c', 'C mine')]);
  });

  it('agrees when both made the same change', () => {
    expect(merge(base, [item('a', 'same'), item('b')], [item('a', 'same'), item('b')])).toEqual([item('a', 'same'), item('b')]);
  });

  it('takes the order of the side that reordered', () => {
    expect(merge(base, [item('c'), item('a'), item('b')], [item('a'), item('b', 'B theirs'), item('c')])).toEqual([
      item('c'),
      item('a'),
      item('b', 'B theirs'),
    ]);
  });

  it('needs a person when the same item changed differently, when an edited item was removed, or both reordered differently', () => {
    expect(merge(base, [item('a', 'mine'), item('b'), item('c')], [item('a', 'theirs'), item('b'), item('c')])).toBeNull();
    expect(merge(base, [item('a', 'mine'), item('b'), item('c')], [item('b'), item('c')])).toBeNull();
    expect(merge(base, [item('b'), item('a'), item('c')], [item('a'), item('c'), item('b')])).toBeNull();
  });
});
