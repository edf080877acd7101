import { SubjectNamespace } from './namespace';

describe('SubjectNamespace', () => {
  it("owns the streams it names and no other namespace's, whatever the names share", () => {
    const run = new SubjectNamespace('bench1x');
    expect(run.owns(run.stream('ORDERS'))).toBe(true);
    expect(run.owns(new SubjectNamespace('bench1x2').stream('ORDERS'))).toBe(false);
    expect(run.owns(new SubjectNamespace('korgoo').stream('ORDERS'))).toBe(false);
  });
});
