import { useEffect, useReducer, useState } from 'react';
import type { AppInfo } from '../../main/api/contract.ts';
import { TopBar } from '../components/top-bar.tsx';
import { type Locale, LocaleProvider } from '../i18n/index.tsx';
import { IdentifyScreen } from '../screens/identify/identify-screen.tsx';
import { OutcomeScreen } from '../screens/outcome/outcome-screen.tsx';
import { WelcomeScreen } from '../screens/welcome/welcome-screen.tsx';
import { flowReducer, initialFlow } from './flow.ts';
import { kiosk } from './kiosk-client.ts';

const NO_INFO: AppInfo = { version: '', transport: 'browser', demo: false, demoIdentities: [] };

export function App() {
  const [locale, setLocale] = useState<Locale>('fr');
  const [flow, dispatch] = useReducer(flowReducer, initialFlow);
  const [info, setInfo] = useState<AppInfo>(NO_INFO);

  useEffect(() => {
    void kiosk()
      .invoke('app:info', {})
      .then((r) => r.ok && setInfo(r.value));
  }, []);

  const identify = async () => {
    dispatch({ type: 'submit' });
    const { rmNumber, day, month, year } = flow.form;
    const result = await kiosk().invoke('identity:identify', { rmNumber, birthDate: { day, month, year } });
    if (result.ok) dispatch({ type: 'answered', outcome: result.value });
    else
      dispatch({
        type: 'refused',
        code: result.error.code,
        problems: result.error.problems ?? (result.error.field ? [{ field: result.error.field, code: result.error.code }] : []),
      });
  };
  // "Terminer": the visit's data goes, and the next person starts in French.
  const finish = () => {
    dispatch({ type: 'finish' });
    setLocale('fr');
  };

  return (
    <LocaleProvider locale={locale}>
      <div className={`app screen-${flow.screen}`}>
        <TopBar
          demo={info.demo}
          onSwitchLanguage={() => setLocale(locale === 'fr' ? 'en' : 'fr')}
          {...(flow.screen === 'welcome' ? {} : { onFinish: finish })}
        />
        {flow.screen === 'welcome' && <WelcomeScreen onStart={() => dispatch({ type: 'start' })} />}
        {flow.screen === 'identify' && (
          <IdentifyScreen
            form={flow.form}
            errors={flow.errors}
            errorTick={flow.errorTick}
            pending={flow.pending}
            demoIdentities={info.demoIdentities}
            onEdit={(field, value) => dispatch({ type: 'edit', field, value })}
            onSubmit={identify}
          />
        )}
        {flow.screen === 'outcome' && flow.outcome && flow.outcome.kind !== 'wrong-date' && (
          <OutcomeScreen outcome={flow.outcome} onCorrect={() => dispatch({ type: 'correct' })} onFinish={finish} />
        )}
      </div>
    </LocaleProvider>
  );
}
