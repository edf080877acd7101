/**
 * Inbox titles in Kyrgyz, Russian and English. They name the referral number and nothing about the people:
 * the case itself is opened only through the authenticated API.
 */
export const INBOX_TITLES = {
  referral_routed: (number: string) => ({
    ky: `Коргоодо жаңы жолдомо ${number}: кабыл алыңыз же баш тартыңыз`,
    ru: `Новое направление ${number} в Korgoo: примите или откажитесь`,
    en: `New referral ${number} in Korgoo: accept or decline`,
  }),
  referral_unroutable: (number: string) => ({
    ky: `${number} жолдомосу үчүн борбор табылган жок: координатордун чечими керек`,
    ru: `Для направления ${number} не найден центр: нужно решение координатора`,
    en: `No centre could take referral ${number}: a coordinator must decide`,
  }),
} as const;
