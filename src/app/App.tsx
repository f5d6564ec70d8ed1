export function App() {
  return (
    <main>
      <h1>Kube Hops</h1>
      <p>Kubernetes Service networking, hop by hop.</p>
    </main>
  );
}
