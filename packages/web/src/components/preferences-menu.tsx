import { Languages, Monitor, Moon, Sun } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { AccentPicker } from '@/features/shell/accent-picker';
import { languageNames, languages, type Language } from '@/i18n/languages';
import { chooseLanguage } from '@/i18n/setup';
import { chooseTheme, themes, useTheme, type Theme } from '@/lib/theme';

const themeIcons = { light: Sun, dark: Moon, system: Monitor } satisfies Record<Theme, unknown>;
const themeLabels = { light: 'preferences.themeLight', dark: 'preferences.themeDark', system: 'preferences.themeSystem' } as const;

/** Language, theme and accent colour in one small menu, reachable signed in or out. */
export function PreferencesMenu() {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t('preferences.open')} title={t('preferences.open')}>
          <Languages />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>{t('preferences.language')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={i18n.language} onValueChange={(value) => void chooseLanguage(value as Language)}>
          {languages.map((language) => (
            <DropdownMenuRadioItem key={language} value={language} lang={language}>
              {languageNames[language]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t('preferences.theme')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme} onValueChange={(value) => chooseTheme(value as Theme)}>
          {themes.map((option) => {
            const Icon = themeIcons[option];
            return (
              <DropdownMenuRadioItem key={option} value={option}>
                <Icon className="size-4 text-muted-foreground" aria-hidden />
                {t(themeLabels[option])}
              </DropdownMenuRadioItem>
            );
          })}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t('shell.accent.label')}</DropdownMenuLabel>
        <AccentPicker />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
