import { createTheme, CSSVariablesResolver } from '@mantine/core';

// Mantine's default shade (6) puts white text on blue at 3.5:1; shade 8 passes WCAG AA (4.5:1) for every
// filled button and badge, which field officers read outdoors on a phone. Green and red need shade 9 for
// the same (teal.9, red.9 where a status is coloured).
// Transitions follow the reader's reduced-motion setting: a dialog then appears at once, fully drawn.
export const theme = createTheme({ primaryShade: 8, respectReducedMotion: true });

// Help text under each question is the officer's guidance, not decoration: the default dimmed grey (3.3:1)
// fails AA on white, gray 7 passes.
export const cssVariables: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7] },
  dark: {},
});
