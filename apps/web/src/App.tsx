import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, getToken, gql, onUnauthenticated, setToken } from './api';
import { ROLE_LABEL } from './i18n';
import { Q, type Me } from './queries';
import { Link, navigate, useLocation } from './router';
import { SessionContext, isSupervisor, type Session } from './session';
import { Brand, Loading } from './ui/page';
import { LoginPage } from './pages/LoginPage';
import { BoardPage } from './pages/BoardPage';
import { CasePage } from './pages/CasePage';
import { TargetsPage } from './pages/TargetsPage';
import { EscalationsPage } from './pages/EscalationsPage';
import { ReportsPage } from './pages/ReportsPage';
import { RewardsPage } from './pages/RewardsPage';

const NAV = [
  { to: '/', label: 'Bảng tiến độ' },
  { to: '/chi-tieu', label: 'Chỉ tiêu & kết quả' },
  { to: '/canh-bao', label: 'Cảnh báo' },
  { to: '/bao-cao', label: 'Báo cáo' },
  { to: '/khen-thuong', label: 'Khen thưởng' },
];

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [booting, setBooting] = useState(() => !!getToken());
  const [notice, setNotice] = useState<string | null>(null);
  const { path } = useLocation();

  const logout = useCallback((message?: string) => {
    setToken(null);
    setMe(null);
    setNotice(message ?? null);
  }, []);

  useEffect(() => onUnauthenticated(() => logout('Phiên đăng nhập đã hết hạn — vui lòng đăng nhập lại.')), [logout]);

  useEffect(() => {
    if (!getToken()) return;
    gql(Q.me)
      .then((d) => setMe(d.me))
      .catch((e) => {
        if (!(e instanceof ApiError) || e.code === 'UNAUTHENTICATED') logout();
      })
      .finally(() => setBooting(false));
  }, [logout]);

  useEffect(() => {
    document.documentElement.lang = 'vi';
  }, []);

  const session: Session | null = useMemo(() => (me ? { me, sup: isSupervisor(me), logout: () => logout() } : null), [me, logout]);

  if (booting) return <Loading what="phiên làm việc" />;
  if (!session) {
    return (
      <LoginPage
        notice={notice}
        onLoggedIn={(token, user) => {
          setToken(token);
          setNotice(null);
          setMe(user);
          if (path === '/dang-nhap') navigate('/', true);
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
        <nav aria-label="Điều hướng chính" className="mainnav">
          <ul>
            {NAV.map((n) => {
              const active = n.to === '/' ? path === '/' || path.startsWith('/ho-so/') : path.startsWith(n.to);
              return (
                <li key={n.to}>
                  <Link to={n.to} aria-current={active ? 'page' : undefined} className={active ? 'active' : undefined}>
                    {n.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="user">
          <span className="user-name" data-testid="current-user">
            {session.me.fullName}
            <small>{ROLE_LABEL[session.me.role]}</small>
          </span>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => logout()}>
            Đăng xuất
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Route path={path} />
      </main>
    </SessionContext.Provider>
  );
}

function Route({ path }: { path: string }) {
  const caseMatch = /^\/ho-so\/([^/]+)$/.exec(path);
  if (caseMatch) return <CasePage key={caseMatch[1]} id={decodeURIComponent(caseMatch[1])} />;
  switch (path) {
    case '/':
    case '/dang-nhap':
      return <BoardPage />;
    case '/chi-tieu':
      return <TargetsPage />;
    case '/canh-bao':
      return <EscalationsPage />;
    case '/bao-cao':
      return <ReportsPage />;
    case '/khen-thuong':
      return <RewardsPage />;
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
