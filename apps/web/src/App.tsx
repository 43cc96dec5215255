import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, getToken, gql, onPasswordChangeRequired, onUnauthenticated, setToken, unlessMissing } from './api';
import { ROLE_LABEL } from './i18n';
import { Q, type Me } from './queries';
import { ACCOUNTS } from './queries-accounts';
import { Link, navigate, useLocation } from './router';
import { SessionContext, isAdmin, isSupervisor, type Session } from './session';
import { Brand, Loading } from './ui/page';
import { LoginPage } from './pages/LoginPage';
import { PasswordPage } from './pages/PasswordPage';
import { BoardPage } from './pages/BoardPage';
import { CasePage } from './pages/CasePage';
import { TargetsPage } from './pages/TargetsPage';
import { EscalationsPage } from './pages/EscalationsPage';
import { ReportsPage } from './pages/ReportsPage';
import { RewardsPage } from './pages/RewardsPage';
import { RegisterPage } from './pages/RegisterPage';
import { EnterprisePage } from './pages/EnterprisePage';
import { ImportPage } from './pages/ImportPage';
import { AccountsPage } from './pages/AccountsPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { OrgPage } from './pages/OrgPage';
import { MembersPage } from './pages/MembersPage';
import { STAFF_IMPORT_PATH, StaffImportPage } from './pages/StaffImportPage';
import { GRASSROOTS_UNIONS_PATH, GrassrootsUnionPage, GrassrootsUnionsPage } from './pages/GrassrootsUnionsPage';
import { UPPER_APPLICATIONS_PATH, UpperLevelApplicationsPage } from './pages/UpperLevelApplicationsPage';
import { CALENDAR_PATH, CalendarPage } from './pages/CalendarPage';
import { MEETINGS_PATH } from './i18n-meetings';
import { ReviewMeetingsPage } from './pages/ReviewMeetingsPage';
import { ReviewMeetingPage } from './pages/ReviewMeetingPage';
import { PLAN_PATH, PlanPage } from './pages/PlanPage';
import { AREAS_PATH, AreasPage } from './pages/AreasPage';
import { BUDGET_PATH, BudgetPage } from './pages/BudgetPage';
import { CONSOLIDATED_PATH, ConsolidatedReturnPage, OwnReturnPage, RETURNS_PATH, ReturnsBoardPage, UnionReturnPage } from './pages/StatisticsReturnsPage';
import { DOCUMENT_SETTINGS_PATH, DocumentSettingsPage } from './pages/DocumentSettingsPage';

/** A CĐCS's own users (GRASSROOTS) see its register only. */
const GRASSROOTS_NAV = [
  { to: '/', label: 'Đoàn viên', testId: 'nav-members' },
  { to: '/nhap-danh-sach', label: 'Nhập danh sách', testId: 'nav-staff-import' },
  { to: RETURNS_PATH, label: 'Báo cáo thống kê', testId: 'nav-own-return' },
];

/** The main menu; `sup` items only for supervisors and admins (officers see the register, not accounts or units), `admin` items only for admins. */
const NAV: { to: string; label: string; testId: string; sup?: boolean; admin?: boolean }[] = [
  { to: '/', label: 'Bảng tiến độ', testId: 'nav-board' },
  { to: '/chi-tieu', label: 'Chỉ tiêu & kết quả', testId: 'nav-targets' },
  { to: MEETINGS_PATH, label: 'Giao ban', testId: 'nav-meetings' },
  { to: PLAN_PATH, label: 'Kế hoạch', testId: 'nav-plan' },
  { to: AREAS_PATH, label: 'Địa bàn', testId: 'nav-areas' },
  { to: BUDGET_PATH, label: 'Kinh phí', testId: 'nav-budget' },
  { to: '/canh-bao', label: 'Cảnh báo', testId: 'nav-escalations' },
  { to: '/bao-cao', label: 'Báo cáo', testId: 'nav-reports' },
  { to: '/khen-thuong', label: 'Khen thưởng', testId: 'nav-rewards' },
  { to: '/doanh-nghiep', label: 'Sổ doanh nghiệp', testId: 'nav-register' },
  { to: GRASSROOTS_UNIONS_PATH, label: 'CĐCS', testId: 'nav-unions' },
  { to: UPPER_APPLICATIONS_PATH, label: 'Đơn gia nhập', testId: 'nav-applications' },
  { to: RETURNS_PATH, label: 'Thống kê CĐCS', testId: 'nav-returns' },
  { to: '/tai-khoan', label: 'Tài khoản', testId: 'nav-accounts', sup: true },
  { to: '/to-chuc', label: 'Tổ chức', testId: 'nav-org', sup: true },
  { to: '/nhat-ky', label: 'Nhật ký', testId: 'nav-audit', sup: true },
  { to: '/lich-lam-viec', label: 'Lịch làm việc', testId: 'nav-calendar', admin: true },
  { to: '/van-ban', label: 'Văn bản', testId: 'nav-documents', admin: true },
];

export const PASSWORD_PATH = '/doi-mat-khau';

/**
 * Whether the caller must change a temporary password first. Asked apart from `me` so that the app
 * keeps working with a server that does not know the field yet (then: no).
 */
async function mustChangePassword(): Promise<boolean> {
  try {
    const answer = await unlessMissing(gql(ACCOUNTS.passwordState));
    return answer !== 'missing' && answer.me.mustChangePassword;
  } catch {
    return false; // the refusal PASSWORD_CHANGE_REQUIRED still brings the page
  }
}

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [booting, setBooting] = useState(() => !!getToken());
  const [notice, setNotice] = useState<string | null>(null);
  // A temporary password: nothing but the password page until it is changed.
  const [mustChange, setMustChange] = useState(false);
  const { path } = useLocation();

  const logout = useCallback((message?: string) => {
    setToken(null);
    setMe(null);
    setMustChange(false);
    setNotice(message ?? null);
  }, []);

  useEffect(() => onUnauthenticated(() => logout('Phiên đăng nhập đã hết hạn — vui lòng đăng nhập lại.')), [logout]);
  useEffect(() => onPasswordChangeRequired(() => setMustChange(true)), []);

  useEffect(() => {
    if (mustChange && me && path !== PASSWORD_PATH) navigate(PASSWORD_PATH, true);
  }, [mustChange, me, path]);

  useEffect(() => {
    if (!getToken()) return;
    Promise.all([gql(Q.me), mustChangePassword()])
      .then(([d, must]) => {
        setMustChange(must);
        setMe(d.me);
      })
      .catch((e) => {
        if (!(e instanceof ApiError) || e.code === 'UNAUTHENTICATED') logout();
      })
      .finally(() => setBooting(false));
  }, [logout]);

  useEffect(() => {
    document.documentElement.lang = 'vi';
  }, []);

  const session: Session | null = useMemo(
    () =>
      me
        ? {
            me,
            sup: isSupervisor(me),
            logout: () => logout(),
            passwordChanged: (token: string, user: Me) => {
              setToken(token);
              setMe(user);
              setMustChange(false);
            },
          }
        : null,
    [me, logout],
  );

  if (booting) return <Loading what="phiên làm việc" />;
  if (!session) {
    return (
      <LoginPage
        notice={notice}
        onLoggedIn={async (token, user) => {
          setToken(token);
          const must = await mustChangePassword();
          setNotice(null);
          setMustChange(must);
          setMe(user);
          if (must) navigate(PASSWORD_PATH, true);
          else if (path === '/dang-nhap') navigate('/', true);
        }}
      />
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        Bỏ qua đến nội dung chính
      </a>
      <header className="topbar">
        <Brand sub={session.me.orgUnit.name} />
        {mustChange ? (
          <p className="mainnav topbar-note">Đổi mật khẩu tạm thời để tiếp tục</p>
        ) : (
          <nav aria-label="Điều hướng chính" className="mainnav">
            <ul>
              {(session.me.role === 'GRASSROOTS' ? GRASSROOTS_NAV : NAV.filter((n) => (!n.sup || session.sup) && (!n.admin || isAdmin(session.me)))).map(
                (n) => {
                  const active = n.to === '/' ? path === '/' || path.startsWith('/ho-so/') : path === n.to || path.startsWith(`${n.to}/`);
                  return (
                    <li key={n.to}>
                      <Link to={n.to} aria-current={active ? 'page' : undefined} className={active ? 'active' : undefined} data-testid={n.testId}>
                        {n.label}
                      </Link>
                    </li>
                  );
                },
              )}
            </ul>
          </nav>
        )}
        <div className="user">
          <span className="user-name" data-testid="current-user">
            {session.me.fullName}
            <small>{ROLE_LABEL[session.me.role]}</small>
          </span>
          {!mustChange && (
            <Link
              to={PASSWORD_PATH}
              className="btn btn-secondary btn-small"
              aria-current={path === PASSWORD_PATH ? 'page' : undefined}
              data-testid="nav-password"
            >
              Đổi mật khẩu
            </Link>
          )}
          <button type="button" className="btn btn-secondary btn-small" onClick={() => logout()}>
            Đăng xuất
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {mustChange ? (
          <PasswordPage forced />
        ) : session.me.role === 'GRASSROOTS' && path !== PASSWORD_PATH ? (
          path === STAFF_IMPORT_PATH ? (
            <StaffImportPage />
          ) : path === RETURNS_PATH ? (
            <OwnReturnPage />
          ) : (
            <MembersPage />
          )
        ) : (
          <Route path={path} />
        )}
      </main>
    </SessionContext.Provider>
  );
}

function Route({ path }: { path: string }) {
  const caseMatch = /^\/ho-so\/([^/]+)$/.exec(path);
  if (caseMatch) return <CasePage key={caseMatch[1]} id={decodeURIComponent(caseMatch[1])} />;
  const meetingMatch = /^\/giao-ban\/([^/]+)$/.exec(path);
  if (meetingMatch) return <ReviewMeetingPage key={meetingMatch[1]} id={decodeURIComponent(meetingMatch[1])} />;
  const unionMatch = /^\/cdcs\/([^/]+)$/.exec(path);
  if (unionMatch) return <GrassrootsUnionPage key={unionMatch[1]} id={decodeURIComponent(unionMatch[1])} />;
  const returnMatch = /^\/bao-cao-thong-ke\/cdcs\/([^/]+)$/.exec(path);
  if (returnMatch) return <UnionReturnPage key={returnMatch[1]} id={decodeURIComponent(returnMatch[1])} />;
  const enterpriseMatch = /^\/doanh-nghiep\/([^/]+)$/.exec(path);
  if (enterpriseMatch && enterpriseMatch[1] !== 'nhap') {
    return <EnterprisePage key={enterpriseMatch[1]} id={decodeURIComponent(enterpriseMatch[1])} />;
  }
  switch (path) {
    case '/':
    case '/dang-nhap':
      return <BoardPage />;
    case '/chi-tieu':
      return <TargetsPage />;
    case PLAN_PATH:
      return <PlanPage />;
    case AREAS_PATH:
      return <AreasPage />;
    case BUDGET_PATH:
      return <BudgetPage />;
    case '/canh-bao':
      return <EscalationsPage />;
    case '/bao-cao':
      return <ReportsPage />;
    case '/khen-thuong':
      return <RewardsPage />;
    case '/doanh-nghiep':
      return <RegisterPage />;
    case '/doanh-nghiep/nhap':
      return <ImportPage />;
    case GRASSROOTS_UNIONS_PATH:
      return <GrassrootsUnionsPage />;
    case UPPER_APPLICATIONS_PATH:
      return <UpperLevelApplicationsPage />;
    case '/tai-khoan':
      return <AccountsPage />;
    case '/to-chuc':
      return <OrgPage />;
    case '/nhat-ky':
      return <AuditLogPage />;
    case CALENDAR_PATH:
      return <CalendarPage />;
    case MEETINGS_PATH:
      return <ReviewMeetingsPage />;
    case RETURNS_PATH:
      return <ReturnsBoardPage />;
    case CONSOLIDATED_PATH:
      return <ConsolidatedReturnPage />;
    case DOCUMENT_SETTINGS_PATH:
      return <DocumentSettingsPage />;
    case PASSWORD_PATH:
      return <PasswordPage />;
    default:
      return (
        <div className="page-title">
          <h1>Không tìm thấy trang</h1>
          <p>
            <Link to="/">Về bảng tiến độ</Link>
          </p>
        </div>
      );
  }
}
