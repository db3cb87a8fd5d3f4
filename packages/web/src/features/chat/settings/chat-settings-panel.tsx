import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { TooltipProvider } from '@/components/ui/tooltip';
import type { ChatSettings, ChatSettingsPatch } from './market-types';
import { ModelPicker } from './model-picker';
import { NumericField } from './numeric-field';
import { type NumericSetting, numericSettings } from './numeric-settings';
import { useDebouncedPatch } from './use-debounced-patch';

export interface ChatSettingsPanelProps {
  settings: ChatSettings;
  /** Only the fields that changed; null resets a setting to its default. Debounced while typing. */
  onChange: (patch: ChatSettingsPatch) => void;
  /** Signed out: the picker offers only the models open to visitors. */
  anonymous?: boolean;
}

/** Each numeric setting's words; a key table so the i18n keys stay type-checked. */
const texts = {
  context_length: ['settings.panel.contextLength', 'settings.panel.contextLengthHelp'],
  max_tokens: ['settings.panel.maxTokens', 'settings.panel.maxTokensHelp'],
  temperature: ['settings.panel.temperature', 'settings.panel.temperatureHelp'],
  top_p: ['settings.panel.topP', 'settings.panel.topPHelp'],
  top_k: ['settings.panel.topK', 'settings.panel.topKHelp'],
  frequency_penalty: ['settings.panel.frequencyPenalty', 'settings.panel.frequencyPenaltyHelp'],
  presence_penalty: ['settings.panel.presencePenalty', 'settings.panel.presencePenaltyHelp'],
} as const satisfies Record<NumericSetting['key'], readonly [string, string]>;

/**
 * A conversation's own settings as a form that saves itself: every change is sent as a small
 * patch (debounced while typing), and what the user set shows at once, before the server answers.
 */
export function ChatSettingsPanel({ settings, onChange, anonymous }: ChatSettingsPanelProps) {
  const { t } = useTranslation();
  const push = useDebouncedPatch(onChange);
  // What was changed here, over what the server last said: the form never jumps back while a
  // patch is on its way.
  const [edits, setEdits] = useState<ChatSettingsPatch>({});
  const current = { ...settings, ...edits };
  const change = (patch: ChatSettingsPatch, immediate = false) => {
    setEdits((before) => ({ ...before, ...patch }));
    push(patch, immediate);
  };
  const modelId = useId();
  const promptId = useId();

  // Its own tooltip provider: the panel works wherever it is placed, whatever the app's root holds.
  return (
    <TooltipProvider>
      <div className="flex flex-col gap-7">
      <div className="flex flex-col gap-2.5">
        <Label htmlFor={modelId}>{t('settings.panel.model')}</Label>
        <ModelPicker
          id={modelId}
          value={current.model}
          anonymous={anonymous}
          onChange={(model) => change({ model }, true)}
          className="w-full border bg-background"
        />
        <p className="text-xs leading-relaxed text-muted-foreground">{t('settings.panel.modelHelp')}</p>
      </div>

      {numericSettings.map((setting) => (
        <NumericField
          key={setting.key}
          setting={setting}
          value={current[setting.key]}
          label={t(texts[setting.key][0])}
          help={t(texts[setting.key][1])}
          onValue={(value, immediate) => change({ [setting.key]: value }, immediate)}
        />
      ))}

      <div className="flex flex-col gap-2.5">
        <Label htmlFor={promptId}>{t('settings.panel.systemPrompt')}</Label>
        <Textarea
          id={promptId}
          value={current.system_prompt}
          maxLength={20_000}
          rows={5}
          placeholder={t('settings.panel.systemPromptPlaceholder')}
          aria-describedby={`${promptId}-help`}
          onChange={(event) => change({ system_prompt: event.target.value })}
          className="max-h-[40vh] min-h-28 resize-y leading-relaxed"
        />
        <p id={`${promptId}-help`} className="text-xs leading-relaxed text-muted-foreground">
          {t('settings.panel.systemPromptHelp')}
        </p>
      </div>
      </div>
    </TooltipProvider>
  );
}
