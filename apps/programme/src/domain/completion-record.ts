import { CompletionRecord } from '@korgoo/contracts';

/**
 * The printable completion record, Kyrgyz first. It names the referral, the centre and the date, never the
 * person: the police view adds the name from the gateway.
 */
export function completionRecord(referralNumber: string, centreId: string, completedAt: Date): CompletionRecord {
  const day = completedAt.toISOString().slice(0, 10);
  return {
    referralNumber,
    centreId,
    completedAt: completedAt.toISOString(),
    text: {
      ky: `${referralNumber} жолдомосу боюнча милдеттүү түзөтүү программасы (4 сессия, 16 саат) ${day} күнү толук аякталды. Борбор: ${centreId}.`,
      ru: `Обязательная коррекционная программа по направлению ${referralNumber} (4 занятия, 16 часов) полностью пройдена ${day}. Центр: ${centreId}.`,
      en: `The mandatory correction programme for referral ${referralNumber} (4 sessions, 16 hours) was completed in full on ${day}. Centre: ${centreId}.`,
    },
  };
}
