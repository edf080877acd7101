import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import ky from '../i18n/locales/ky.json';
import ru from '../i18n/locales/ru.json';
import { hookValueIn } from '../test/render';
import { ApiProblem } from './api-client';
import { refusalsOf, useSayRefusal } from './refusals';

/** An answer from an API newer than this app: its one refusal names a rule the app has no words for. */
const newer = (status: number, field?: string) =>
  new ApiProblem(status, {
    statusCode: status,
    message: 'changes.groupSlots[0].minutes is longer than the room is let for',
    refusals: [{ rule: 'room_let_for_less' as never, ...(field ? { field } : {}), message: 'changes.groupSlots[0].minutes is longer than the room is let for' }],
  });

async function sayIn(language: string, error: unknown, atItsField = false) {
  const say = await hookValueIn(language, () => useSayRefusal());
  return refusalsOf(error).map((refusal) => say(refusal, atItsField));
}

describe('a refusal by a rule this app does not know yet', () => {
  it.each([['ky', ky], ['ru', ru], ['en', en]] as const)('is said in %s by its status, with a reload to learn the rule', async (language, locale) => {
    const reload = locale.unknownRule.reload;
    expect(await sayIn(language, newer(400, 'groupSlots.0.minutes'))).toEqual([
      `${locale.unknownRule.field.replace('{{field}}', locale.directory.minutes)} ${reload}`,
    ]);
    expect(await sayIn(language, newer(400, 'groupSlots.0.minutes'), true)).toEqual([`${locale.unknownRule.here} ${reload}`]);
    expect(await sayIn(language, newer(400))).toEqual([`${locale.unknownRule.change} ${reload}`]);
    expect(await sayIn(language, newer(404))).toEqual([`${locale.unknownRule.notFound} ${reload}`]);
    expect(await sayIn(language, newer(409))).toEqual([`${locale.unknownRule.conflict} ${reload}`]);
    expect(await sayIn(language, newer(403))).toEqual([`${locale.unknownRule.forbidden} ${reload}`]);
  });

  it('says a field no screen labels as the change refused, never by its path or the API’s sentence', async () => {
    const [said] = await sayIn('ru', newer(400, 'participant.room'));
    expect(said).toBe(`${ru.unknownRule.change} ${ru.unknownRule.reload}`);
    expect(said).not.toMatch(/room|participant/);
  });
});
