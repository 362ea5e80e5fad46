import { type Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

/** The pane follows Office's theme: a dark body background means the dark theme. */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | null | undefined): Theme {
  const hex = /^#?([0-9a-f]{6})$/i.exec(officeTheme?.bodyBackgroundColor ?? '')?.[1];
  if (!hex) return webLightTheme;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? webDarkTheme : webLightTheme;
}
