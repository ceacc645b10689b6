import { type Dispatch, useCallback } from 'react';
import type { Call } from './call.ts';
import type { ConsoleAction, ConsoleState } from './console-state.ts';
import { kiosk } from './kiosk-client.ts';
import { IssueCardScreen, IssueSearchScreen, PhotoScreen, StaffConsoleScreen, StaffPinScreen, VerifyScreen } from './lazy-screens.tsx';
import { useStaffActions } from './staff-actions.ts';

type Props = { desk: ConsoleState; dispatch: Dispatch<ConsoleAction>; call: Call };

/** The staff console: each screen drawn from what its state carries, each button a transition of the console's machine. */
export function ConsoleView({ desk: c, dispatch, call }: Props) {
  const staff = useStaffActions(c, dispatch, call);
  const verifyCard = useCallback(async (token: string) => {
    const r = await kiosk().invoke('card:verify', { token });
    return r.ok ? r.value : null;
  }, []);
  switch (c.screen) {
    case 'staff-pin':
      return (
        <StaffPinScreen
          notices={c.notices}
          configured={c.configured}
          errors={c.errors}
          errorTick={c.errorTick}
          pending={c.pending}
          onSetup={(name, pin, confirmation) => void staff.staffIn(kiosk().invoke('staff:setup', { name, pin, confirmation }))}
          onLogin={(pin) => void staff.staffIn(kiosk().invoke('staff:login', { pin }))}
        />
      );
    case 'staff-console': {
      const d = c.desk;
      return (
        <StaffConsoleScreen
          section={d.section}
          onSection={(section) => dispatch({ type: 'chose-section', section })}
          overview={d.overview}
          printers={d.printers}
          secrets={d.secrets}
          members={d.members}
          settings={d.settings}
          errors={c.errors}
          onSettingsSave={staff.saveSettings}
          selfId={d.member.id}
          onMemberAdd={staff.addMember}
          onMemberRemove={staff.removeMember}
          onPinChange={staff.changePin}
          onSecretSet={staff.setSecret}
          onSecretDelete={staff.deleteSecret}
          error={c.errors.general}
          notices={c.notices}
          pending={c.pending}
          onOrderStep={staff.orderStep}
          onCheckPrinters={staff.checkPrinters}
          onOrderEmailTarget={staff.orderEmailTarget}
          onOrderEmailSend={staff.orderEmailSend}
          onTill={staff.loadTill}
          onTillPrint={staff.printTill}
          onJournal={staff.loadJournal}
          onJournalPrint={staff.printJournal}
          onPrinterSave={staff.savePrinter}
          onPrinterTest={staff.testPrinter}
          onPrintCancel={staff.cancelPrint}
          onStopKiosk={staff.stopKiosk}
          onIssue={() => dispatch({ type: 'chose-issue' })}
          onSyncNow={staff.staffSyncNow}
          onResumeIdentification={staff.resumeIdentification}
          onVerify={() => dispatch({ type: 'chose-verify' })}
        />
      );
    }
    case 'verify':
      return <VerifyScreen verify={verifyCard} onBack={() => dispatch({ type: 'back' })} />;
    case 'staff-issue':
      return (
        <IssueSearchScreen
          issue={c.issuance}
          errors={c.errors}
          pending={c.pending}
          onEdit={(patch) => dispatch({ type: 'issue-edit', patch })}
          onSearch={staff.issueSearch}
          onStart={staff.issueStart}
          onBack={staff.issueEnd}
        />
      );
    case 'staff-issue-photo':
      return (
        <PhotoScreen
          heading="issue.photoHeading"
          error={c.errors.general}
          pending={c.pending}
          onAccept={staff.issuePhoto}
          onBack={() => dispatch({ type: 'previous' })}
        />
      );
    case 'staff-issue-card':
      return (
        <IssueCardScreen
          card={c.issue.card}
          result={c.issue.result}
          emailTarget={c.issue.emailTarget}
          ordered={c.issuance.ordered}
          error={c.errors.general}
          pending={c.pending}
          onRetake={() => dispatch({ type: 'retake-photo' })}
          onEmailTarget={staff.issueEmailTarget}
          onIssue={staff.issueCard}
          onFinish={staff.issueEnd}
        />
      );
    default: {
      const unreachable: never = c;
      throw new Error(`unknown screen ${JSON.stringify(unreachable)}`);
    }
  }
}
