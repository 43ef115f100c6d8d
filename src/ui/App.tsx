import './App.css';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title" data-testid="app-title">
          hookscope
        </h1>
      </header>
      <main className="app-main">
        <p className="app-tagline" data-testid="app-tagline">
          A visual debugger for Rocket.Chat Apps-Engine room event handlers, running entirely in
          your browser.
        </p>
      </main>
    </div>
  );
}
