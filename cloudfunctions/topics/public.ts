/** What other features may use of topics: a topic's row, and its moves through the lifecycle (提议 → … → 评议). */
export { actorRole, loadTopic, moveTopic, SYSTEM, type Mover, type TopicRow } from './moves'
